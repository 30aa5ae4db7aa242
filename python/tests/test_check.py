"""python -m ghostc.check: compile, run and compare with PyTorch."""

from __future__ import annotations

import pytest

from ghostc import check
from ghostc.export import export
from ghostc.models import build


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("check") / "ghostnet.onnx"
    export(build("ghostnet", width=0.5, seed=2), path, input_size=64)
    return path


def test_matches_the_zoo_model(small_model, capsys):
    assert check.main([str(small_model), "--arch", "ghostnet", "--width", "0.5",
                       "--seed", "2"]) == 0
    assert ": OK" in capsys.readouterr().out


def test_reports_a_mismatch(small_model, capsys):
    # Other weights: the reference is a different network.
    assert check.main([str(small_model), "--arch", "ghostnet", "--width", "0.5",
                       "--seed", "3"]) == 1
    assert "MISMATCH" in capsys.readouterr().out


def test_needs_a_reference(small_model):
    with pytest.raises(SystemExit, match="no reference: name the zoo model with --arch"):
        check.main([str(small_model)])


def test_reports_a_missing_file(tmp_path, capsys):
    assert check.main([str(tmp_path / "missing.onnx"), "--arch", "ghostnet"]) == 1
    assert "no such model file" in capsys.readouterr().err
