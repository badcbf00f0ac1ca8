"""ONNX: export of the head (fp32), dynamic int8 quantisation, the cache of derived files, and the int8 rule."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

INT8_MAX_DROP_POINTS = 0.5
"""The int8 rule: dynamic int8 quantisation may cost at most this many points of dev entity F1 (measured by the
model card, :func:`int8_passes`; ``runtime="auto"`` uses int8 only for a model whose card says it passes)."""


INT8_RECIPE = "pc-ffn012-rr"
"""Name of the int8 recipe (part of the cached file name, so a changed recipe never reuses an old file)."""


def cache_dir() -> Path:
    """Where derived runtime files (ONNX exports) are kept: $EVENTEX_CACHE or ~/.cache/eventex."""
    return Path(os.environ.get("EVENTEX_CACHE", Path.home() / ".cache" / "eventex"))


def export_onnx(model, path: Path) -> None:
    """Write the model as ONNX (fp32) with dynamic batch and sequence axes."""
    import torch

    ids = torch.ones((2, 16), dtype=torch.long)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    torch.onnx.export(
        model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(tmp), dynamo=False,
        input_names=["input_ids", "attention_mask", "shape_ids"], output_names=["logits"],
        dynamic_axes={k: {0: "batch", 1: "seq"} for k in ("input_ids", "attention_mask", "shape_ids", "logits")},
        opset_version=17,
    )
    os.replace(tmp, path)


def int8_exclusions(model_path: Path) -> list[str]:
    """MatMul nodes kept in fp32: the classifier and the FFN output projections of the first half of the layers.

    Those are the projections whose inputs (post-GELU activations) lose most under dynamic per-tensor activation
    quantisation; keeping them in fp32 holds the dev-F1 cost within the model card's int8 rule.
    """
    import re

    import onnx

    names = [n.name for n in onnx.load(str(model_path), load_external_data=False).graph.node if n.op_type == "MatMul"]
    ffn = {int(m.group(1)): n for n in names if (m := re.search(r"layer\.(\d+)/output/dense/MatMul$", n))}
    first_half = [ffn[i] for i in sorted(ffn)[: (len(ffn) + 1) // 2]]
    return [n for n in names if n.startswith("/classifier/")] + first_half


def quantize_int8(src: Path, dst: Path) -> None:
    """Dynamic int8 quantisation (per-channel weights, see :func:`int8_exclusions`), written atomically.

    Weights use 7 bits (``reduce_range``): x86 CPUs without VNNI multiply unsigned activations by signed 8-bit weights
    with an instruction that saturates, so full-range weights gave other entities there than on CPUs with VNNI."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = dst.with_name(f"{dst.name}.{os.getpid()}.tmp")
    quantize_dynamic(
        str(src), str(tmp), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=int8_exclusions(src),
        reduce_range=True,
    )
    os.replace(tmp, dst)


def int8_passes(fp32_f1: float, int8_f1: float) -> tuple[float, bool]:
    """The drop in points from the fp32 to the int8 F1 (rounded to 0.01), and whether it keeps the int8 rule."""
    drop = round((fp32_f1 - int8_f1) * 100, 2)
    return drop, drop <= INT8_MAX_DROP_POINTS


def cached_onnx(name: str, digest: str, int8: bool) -> Path:
    """Where the ONNX file (fp32 or int8) of model ``name``'s weights ``digest`` is cached."""
    fp32 = cache_dir() / "onnx" / f"{name}-{digest}.onnx"
    return fp32.with_name(f"{fp32.stem}-int8-{INT8_RECIPE}.onnx") if int8 else fp32


def onnx_file(name: str, digest: str, int8: bool, torch_model: Callable[[], Any]) -> Path:
    """The cached ONNX file of weights ``digest`` (exported from ``torch_model()`` and quantised on first use)."""
    fp32 = cached_onnx(name, digest, int8=False)
    if not fp32.exists():
        export_onnx(torch_model(), fp32)
    path = cached_onnx(name, digest, int8)
    if not path.exists():
        quantize_int8(fp32, path)
    return path
