"""The Python power model against the reference cases the TypeScript tests assert too."""

import json
import os
from pathlib import Path

import pytest

from ai_ci_carbon import model

CASES = json.loads(
    Path(os.environ.get("AI_CI_REFERENCE_CASES", Path(__file__).parents[3] / "test/fixtures/energy/reference-cases.json"))
    .read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES["cpu"], ids=lambda c: f"{c['cpuModel']}-{c['threads']}t-u{c['utilisation']}")
def test_cpu_reference(case):
    m = model.cpu_power_model(case["cpuModel"])
    assert m.method == case["method"]
    joules = m.watts(case["threads"], case["utilisation"]) * case["seconds"] * case["share"]
    assert joules == pytest.approx(case["joules"], rel=1e-9)


@pytest.mark.parametrize("case", CASES["memory"])
def test_memory_reference(case):
    assert model.MEMORY_WATTS_PER_GIB * case["gib"] * case["seconds"] == pytest.approx(case["joules"], rel=1e-9)


@pytest.mark.parametrize("case", CASES["grams"])
def test_grams_reference(case):
    assert model.grams_co2e(case["joules"], case["intensity"]) == pytest.approx(case["grams"], rel=1e-9)


def test_rapl_wraps(tmp_path):
    zone = tmp_path / "intel-rapl:0"
    zone.mkdir()
    (zone / "name").write_text("package-0\n")
    (zone / "max_energy_range_uj").write_text("1000000\n")
    (zone / "energy_uj").write_text("900000\n")
    rapl = model.Rapl(str(tmp_path))
    (zone / "energy_uj").write_text("100000\n")
    assert rapl.read() == (pytest.approx(0.2), 0.0)
    assert model.Rapl(str(tmp_path / "absent")).zones == []
