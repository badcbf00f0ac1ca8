"""The transformer NER head: features, model, training data and training, inference (runtime), decoding,
ONNX export and int8, and the model card (measure and render)."""
