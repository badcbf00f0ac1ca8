"""The transformer NER head: features, model, training data, training, export and inference."""
