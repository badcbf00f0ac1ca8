"""What eventex refuses to trust (docs/SECURITY.md): pickles and tampered model files, the network, links out of
an input directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import eventex
from eventex.io.readers import read_inputs
from eventex.io.records import Options
from eventex.ner.runtime import WEIGHTS, read_manifest, sha256

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def model_dir(tmp_path) -> Path:
    """A model directory as far as the manifest check reads it: weights, tokenizer, and their SHA-256s."""
    d = tmp_path / "model"
    d.mkdir()
    (d / WEIGHTS).write_bytes(b"weights")
    (d / "tokenizer.json").write_text("{}", encoding="utf-8")
    hashes = {name: sha256(d / name) for name in (WEIGHTS, "tokenizer.json")}
    manifest = {"name": "m", "version": "1", "labels": ["O"], "max_length": 64, "stride": 16, "sha256": hashes}
    (d / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return d


def _set_hashes(d: Path, hashes: dict[str, str]) -> None:
    manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    (d / "manifest.json").write_text(json.dumps({**manifest, "sha256": hashes}), encoding="utf-8")


def test_a_verified_model_directory_is_read(model_dir):
    assert read_manifest(model_dir)["name"] == "m"


@pytest.mark.parametrize("name", ["pytorch_model.bin", "model.pt", "state.pkl", "extra.PTH", "rules.pickle"])
def test_a_model_directory_with_a_pickle_file_is_refused(model_dir, name):
    (model_dir / name).write_bytes(b"\x80\x04")
    with pytest.raises(ValueError, match=f"pickle files \\({name}\\)"):
        read_manifest(model_dir)
    with pytest.raises(ValueError, match="pickle"):
        eventex.load(str(model_dir))


@pytest.mark.parametrize("name", [WEIGHTS, "tokenizer.json"])
def test_a_file_that_does_not_match_its_sha256_is_refused(model_dir, name):
    with (model_dir / name).open("ab") as f:
        f.write(b" ")
    with pytest.raises(ValueError, match=f"{name}: SHA-256 .* does not match"):
        read_manifest(model_dir)


def test_a_manifest_without_the_weights_sha256_is_refused(model_dir):
    _set_hashes(model_dir, {"tokenizer.json": sha256(model_dir / "tokenizer.json")})
    with pytest.raises(ValueError, match=f"no SHA-256 for {WEIGHTS}"):
        read_manifest(model_dir)


@pytest.mark.parametrize("name", ["../model/tokenizer.json", "/etc/hostname", ".."])
def test_a_manifest_naming_a_file_outside_the_directory_is_refused(model_dir, name):
    _set_hashes(model_dir, {WEIGHTS: sha256(model_dir / WEIGHTS), name: "0" * 64})
    with pytest.raises(ValueError, match="not a file name in"):
        read_manifest(model_dir)


@pytest.mark.parametrize(("content", "message"), [
    ("{", "not a JSON manifest"), ("[]", "not a JSON object"), ('{"sha256": {}}', "no name, version, labels"),
    ('{"name": "m", "version": "1", "labels": [], "max_length": 8, "stride": 4, "sha256": []}', "no sha256 object"),
])
def test_a_manifest_that_is_not_an_eventex_manifest_is_refused(model_dir, content, message):
    (model_dir / "manifest.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_manifest(model_dir)


def first_gold() -> dict:
    """The first document of the dev split, as JSON."""
    return json.loads((ROOT / "corpora" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])


def test_export_to_brat_never_writes_outside_its_folder(tmp_path):
    from eventex.corpus.brat import write_brat
    from eventex.corpus.gold import GoldDocument

    gold = first_gold()
    for doc_id in ("../escaped", "/tmp/escaped", "a/b", "..", ""):
        doc = GoldDocument.model_validate({**gold, "id": doc_id})
        with pytest.raises(ValueError, match="not a plain file name"):
            write_brat([doc], tmp_path / "brat")
    assert list(tmp_path.iterdir()) == []  # refused before anything was written
    write_brat([GoldDocument.model_validate(gold)], tmp_path / "brat")
    assert (tmp_path / "brat" / f"{gold['id']}.ann").is_file()


def test_brat_import_does_not_follow_links_out_of_its_directory(tmp_path):
    from eventex.corpus.brat import read_brat, write_brat
    from eventex.corpus.gold import GoldDocument

    gold = GoldDocument.model_validate(first_gold())
    write_brat([gold], tmp_path / "elsewhere")
    brat = tmp_path / "brat"
    write_brat([gold], brat)
    (brat / f"{gold.id}.txt").unlink()
    (brat / f"{gold.id}.txt").symlink_to(tmp_path / "elsewhere" / f"{gold.id}.txt")
    docs, problems = read_brat(brat)
    assert docs == [] and [(p.where, "outside" in p.message) for p in problems] == [(f"{gold.id}.txt", True)]


NO_NETWORK = textwrap.dedent(
    """
    import socket, sys
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use during a test that forbids it")
    socket.socket.connect = socket.socket.connect_ex = refuse
    socket.create_connection = socket.getaddrinfo = refuse
    import eventex
    text = open(sys.argv[1], encoding="utf-8").read()
    events = len(eventex.extract(text, published="2010-03-10").events)
    events += len(eventex.load(runtime="torch").extract(text[:2000]).events)
    print(len(attempts), events)
    """
)


def test_no_socket_is_opened_while_loading_and_extracting():
    """In a fresh process without the offline switches the tests set: the library alone must stay offline."""
    env = {k: v for k, v in os.environ.items() if not k.endswith("_OFFLINE")}
    env["PYTHONPATH"] = str(ROOT / "src")
    sample = ROOT / "examples" / "lavrov_latin_america.txt"
    done = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, str(sample)], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    attempts, events = map(int, done.stdout.split())
    assert attempts == 0
    assert events > 0


def test_a_directory_input_does_not_follow_links_out_of_it(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("not for eventex", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Lavrov visited Caracas.", encoding="utf-8")
    (corpus / "sub" / "alias.txt").symlink_to(corpus / "a.txt")  # a link within the directory is read
    (corpus / "leak.txt").symlink_to(outside)
    items = {Path(i.id).name: i for i in read_inputs([str(corpus)], Options())}
    assert items["a.txt"].text == items["alias.txt"].text == "Lavrov visited Caracas."
    assert items["leak.txt"].text is None
    assert items["leak.txt"].failure.kind == "OutsideInput"
