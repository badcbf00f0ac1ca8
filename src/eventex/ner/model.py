"""The token-classification model: a (possibly uncased) encoder plus word-shape embeddings and a linear head."""

from __future__ import annotations

import torch
from torch import nn
from transformers import AutoConfig, AutoModel

from eventex.ner.features import N_SHAPES


class ShapeAwareTagger(nn.Module):
    """Encoder states concatenated with a word-shape embedding, then a linear BIO classifier.

    With ``shape_input`` the shapes are also added to the encoder's input embeddings (starting from zero, so
    training starts from the pretrained encoder), letting every layer see the casing of the context.
    """

    def __init__(self, encoder: nn.Module, num_labels: int, shape_dim: int = 32, use_shapes: bool = True,
                 shape_input: bool = False, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.use_shapes = use_shapes
        self.shape_dim = shape_dim if use_shapes else 0
        self.shape_embedding = nn.Embedding(N_SHAPES, shape_dim) if use_shapes else None
        self.shape_input = None
        if use_shapes and shape_input:
            self.shape_input = nn.Embedding(N_SHAPES, encoder.config.hidden_size)
            nn.init.zeros_(self.shape_input.weight)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(encoder.config.hidden_size + self.shape_dim, num_labels)

    @classmethod
    def from_base(cls, base: str, num_labels: int, **kw) -> ShapeAwareTagger:
        """A fresh head over the pretrained encoder at ``base`` (a local directory)."""
        return cls(AutoModel.from_pretrained(base, local_files_only=True), num_labels, **kw)

    @classmethod
    def from_config(cls, encoder_dir: str, num_labels: int, **kw) -> ShapeAwareTagger:
        """An untrained model with the encoder architecture stored in ``encoder_dir`` (weights loaded later)."""
        config = AutoConfig.from_pretrained(encoder_dir, local_files_only=True)
        return cls(AutoModel.from_config(config), num_labels, **kw)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, shape_ids: torch.Tensor) -> torch.Tensor:
        """Logits of shape (batch, tokens, labels)."""
        embeds = self.encoder.get_input_embeddings()(input_ids)
        if self.shape_input is not None:
            embeds = embeds + self.shape_input(shape_ids)
        hidden = self.encoder(inputs_embeds=embeds, attention_mask=attention_mask).last_hidden_state
        if self.shape_embedding is not None:
            hidden = torch.cat([hidden, self.shape_embedding(shape_ids)], dim=-1)
        return self.classifier(self.dropout(hidden))


def partial_label_loss(logits: torch.Tensor, allowed: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Negative log of the probability mass on the allowed labels (one-hot = cross-entropy).

    Tokens whose gold label is uncertain (a CoNLL "O" that may be an unannotated DATE, say) allow several
    labels, so the model is never taught "O" for a type the data does not annotate.
    """
    logp = torch.log_softmax(logits.float(), dim=-1)
    masked = logp.masked_fill(~allowed, float("-inf"))
    nll = -torch.logsumexp(masked, dim=-1)
    mask = mask.bool() & allowed.any(-1)
    return nll[mask].mean()
