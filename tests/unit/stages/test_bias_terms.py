from __future__ import annotations

import pytest

from pipelines.core.errors import ConfigError
from stages.bias_scan import Swapper, load_terms


def test_swapper_maps_both_ways_and_keeps_case():
    sw = Swapper([("he", "she"), ("him", "her"), ("his", "her"), ("Mr.", "Ms."), ("husband", "wife")])
    text = "He said his wife called Mr. Ode. She told her husband."
    assert sw.to(0, text) == "He said his husband called Mr. Ode. He told him husband."
    assert sw.to(1, text) == "She said her wife called Ms. Ode. She told her wife."


def test_capitalised_terms_match_only_as_written():
    sw = Swapper([("White", "Black")])
    assert not sw.differs("white blood cells within normal limits")
    assert sw.differs("White male, 54")


def test_bundled_terms_load(repo_root):
    axes = load_terms(repo_root / "configs/bias/counterfactual_terms.yaml")
    assert {"gender", "age", "ethnicity"} <= set(axes)


def test_bad_terms_file_names_the_key(tmp_path):
    p = tmp_path / "terms.yaml"
    p.write_text("axes:\n  gender:\n    - [he]\n    - [him, her]\n")
    with pytest.raises(ConfigError) as e:
        load_terms(p)
    assert "axes.gender[0]: expected a pair of two non-empty strings" in str(e.value)
