"""pytest plugin: energy (Wh) and carbon (grams CO2e) of every test, and a session budget.

    pytest --carbon-tracking --carbon-budget=1.0 [--carbon-warn-at=0.8] [--carbon-intensity=G]
           [--carbon-json=FILE] [--carbon-pue=X] [--carbon-cpu-model=NAME] [--carbon-powercap-root=DIR]

Each test's call, setup and teardown are measured as ``ai-ci carbon track`` measures a command
(src/analysis/energy/meter.ts): the pytest process's CPU time (its own and its reaped subprocesses') x the machine's
power at its utilisation x the test's share of the machine's busy CPU time, or RAPL counters where readable; memory
by 0.392 W per GiB resident. Over the budget the session fails (exit status 1) with the line
``carbon budget exceeded: X gCO2e > budget Y gCO2e``; past warn-at x budget a warning is printed while tests still run
(and, in GitHub Actions, a ``::warning`` annotation).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field

import pytest

from . import model


@dataclass
class TestEnergy:
    nodeid: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    cpu_joules: float = 0.0
    memory_joules: float = 0.0
    joules: float = 0.0
    grams: float = 0.0


@dataclass
class _Point:
    t: float
    cpu: float
    busy: float | None
    rss: int


@dataclass
class Tracker:
    intensity: float
    intensity_source: str
    pue: float
    budget: float | None
    warn_at: float
    cpu_model: str
    powercap_root: str
    proc: str = "/proc"
    tests: dict[str, TestEnergy] = field(default_factory=dict)
    warned: bool = False

    def __post_init__(self) -> None:
        self.model = model.cpu_power_model(self.cpu_model)
        self.rapl = model.Rapl(self.powercap_root)
        if not self.rapl.zones:
            self.rapl = None
        m = model.machine_cpu(self.proc)
        self.cpus = m[1] if m else (os.cpu_count() or 1)
        self.band_low = self.band_high = 0.0

    @property
    def method(self) -> str:
        return "rapl" if self.rapl else self.model.method

    def point(self) -> _Point:
        m = model.machine_cpu(self.proc)
        return _Point(time.monotonic(), model.self_cpu_seconds(), m[0] if m else None, model.self_rss_bytes(self.proc))

    def account(self, nodeid: str, a: _Point, b: _Point) -> TestEnergy:
        """Adds the interval a→b to the test's energy (meter.ts's per-interval formula)."""
        e = self.tests.setdefault(nodeid, TestEnergy(nodeid))
        dt = b.t - a.t
        if dt <= 0:
            return e
        d_cmd = max(0.0, b.cpu - a.cpu)
        d_busy = b.busy - a.busy if a.busy is not None and b.busy is not None else None
        if d_busy is None:
            share = 1.0
        elif d_busy > 0:
            share = min(1.0, d_cmd / d_busy)
        else:
            share = 1.0 if d_cmd > 0 else 0.0
        u = min(1.0, (d_busy if d_busy is not None else d_cmd) / (dt * self.cpus))
        memory = (a.rss + b.rss) / 2 / 2**30 * model.MEMORY_WATTS_PER_GIB * dt
        if self.rapl:
            pkg, dram = self.rapl.read()
            cpu = (pkg + dram) * share
            if dram > 0:
                memory = 0.0
            r = float(model.TABLE["bands"]["rapl"]["relative"])
        else:
            cpu = self.model.watts(self.cpus, u) * dt * share
            r = self.model.band
        rm = float(model.TABLE["bands"]["memory"]["relative"])
        e.seconds += dt
        e.cpu_seconds += d_cmd
        e.cpu_joules += cpu * self.pue
        e.memory_joules += memory * self.pue
        e.joules = e.cpu_joules + e.memory_joules
        e.grams = model.grams_co2e(e.joules, self.intensity)
        self.band_low += (cpu * (1 - r) + memory * (1 - rm)) * self.pue
        self.band_high += (cpu * (1 + r) + memory * (1 + rm)) * self.pue
        return e

    @property
    def joules(self) -> float:
        return sum(t.joules for t in self.tests.values())

    @property
    def grams(self) -> float:
        return model.grams_co2e(self.joules, self.intensity)

    def state(self) -> str:
        if self.budget is None:
            return "no budget"
        if self.grams > self.budget:
            return "exceeded"
        if self.grams >= self.warn_at * self.budget:
            return "warning"
        return "within"

    def report(self) -> dict:
        return {
            "method": self.method,
            "basis": f"RAPL under {self.powercap_root}" if self.rapl else self.model.basis,
            "source": self.model.source,
            "cpuModel": self.cpu_model,
            "cpus": self.cpus,
            "pue": self.pue,
            "intensity": {"value": self.intensity, "source": self.intensity_source},
            "energy": {"wh": self.joules / 3600, "low": self.band_low / 3600, "high": self.band_high / 3600},
            "carbon": {
                "grams": self.grams,
                "low": model.grams_co2e(self.band_low, self.intensity),
                "high": model.grams_co2e(self.band_high, self.intensity),
                "unit": "gCO2e",
            },
            "budget": None
            if self.budget is None
            else {"grams": self.budget, "warnAt": self.warn_at, "state": self.state(), "warnedWhileRunning": self.warned},
            "tests": [
                {**asdict(t), "wh": t.joules / 3600}
                for t in sorted(self.tests.values(), key=lambda t: t.joules, reverse=True)
            ],
        }


def _fmt(x: float) -> str:
    return "0" if x == 0 else (f"{x:.0f}" if abs(x) >= 100 else f"{x:.3g}")


def pytest_addoption(parser: pytest.Parser) -> None:
    g = parser.getgroup("carbon", "energy and carbon (ai-ci); carbon in grams CO2e")
    g.addoption("--carbon-tracking", action="store_true", help="measure each test's energy (Wh) and grams CO2e")
    g.addoption("--carbon-budget", type=float, default=None, help="session budget in grams CO2e; over it the session fails")
    g.addoption("--carbon-warn-at", type=float, default=0.8, help="warn once this fraction of the grams CO2e budget is spent (0.8)")
    g.addoption(
        "--carbon-intensity",
        type=float,
        default=None,
        help=f"grid intensity in grams CO2e per kWh (default {model.DEFAULT_INTENSITY:g}, world mean 2023)",
    )
    g.addoption("--carbon-json", default=None, help="write the per-test energy and grams CO2e report to this JSON file")
    g.addoption("--carbon-pue", type=float, default=1.0, help="datacenter power usage effectiveness (>= 1)")
    g.addoption("--carbon-cpu-model", default=None, help="CPU model for the power table (default /proc/cpuinfo's)")
    g.addoption("--carbon-powercap-root", default="/sys/class/powercap", help="powercap root for RAPL counters")
    g.addoption("--carbon-top", type=int, default=10, help="tests listed in the terminal summary (10)")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("carbon_tracking"):
        return
    budget = config.getoption("carbon_budget")
    warn_at = config.getoption("carbon_warn_at")
    pue = config.getoption("carbon_pue")
    if budget is not None and budget <= 0:
        raise pytest.UsageError(f"--carbon-budget: {budget} grams CO2e is not above 0")
    if not 0 <= warn_at <= 1:
        raise pytest.UsageError(f"--carbon-warn-at: {warn_at} is not a fraction 0…1")
    if pue < 1:
        raise pytest.UsageError(f"--carbon-pue: {pue} is below 1")
    intensity = config.getoption("carbon_intensity")
    tracker = Tracker(
        intensity=model.DEFAULT_INTENSITY if intensity is None else intensity,
        intensity_source=model.DEFAULT_INTENSITY_SOURCE if intensity is None else "static (--carbon-intensity)",
        pue=pue,
        budget=budget,
        warn_at=warn_at,
        cpu_model=config.getoption("carbon_cpu_model") or model.cpu_model_name(),
        powercap_root=config.getoption("carbon_powercap_root"),
    )
    config.stash[_KEY] = tracker
    config.pluginmanager.register(_Hooks(tracker, config), "ai-ci-carbon-hooks")


_KEY = pytest.StashKey[Tracker]()


class _Hooks:
    def __init__(self, tracker: Tracker, config: pytest.Config) -> None:
        self.tracker = tracker
        self.config = config

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem):  # noqa: ANN001
        a = self.tracker.point()
        yield
        self.tracker.account(item.nodeid, a, self.tracker.point())
        t = self.tracker
        if t.budget is not None and not t.warned and t.state() != "within":
            t.warned = True
            line = (
                f"{_fmt(t.grams)} gCO2e spent, {round(t.grams / t.budget * 100)} % of the "
                f"{_fmt(t.budget)} gCO2e budget, tests still running"
            )
            # The terminal reporter writes to the real stdout (print() would be captured with the test's output).
            reporter = self.config.pluginmanager.get_plugin("terminalreporter")
            if reporter is not None:
                reporter.write_line(f"carbon warning: {line}", yellow=True)
                if os.environ.get("GITHUB_ACTIONS") == "true":
                    reporter.write_line(f"::warning title=Carbon budget::{line.replace('%', '%25')}")

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        t = self.tracker
        path = self.config.getoption("carbon_json")
        if path:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(t.report(), f, indent=2)
                f.write("\n")
        if t.state() == "exceeded" and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # noqa: ANN001
        t = self.tracker
        r = t.report()
        tr = terminalreporter
        tr.write_sep("=", "carbon (ai-ci)")
        tr.write_line(
            f"total {_fmt(r['energy']['wh'])} Wh ({_fmt(r['energy']['low'])}–{_fmt(r['energy']['high'])}), "
            f"{_fmt(r['carbon']['grams'])} gCO2e ({_fmt(r['carbon']['low'])}–{_fmt(r['carbon']['high'])}) "
            f"at {_fmt(t.intensity)} gCO2e/kWh; method {t.method}: {r['basis']}"
        )
        top = config.getoption("carbon_top")
        for e in r["tests"][:top]:
            tr.write_line(f"  {_fmt(e['wh']):>9} Wh  {_fmt(e['grams']):>9} gCO2e  {e['seconds']:.2f} s  {e['nodeid']}")
        if len(r["tests"]) > top:
            tr.write_line(f"  … {len(r['tests']) - top} more tests (--carbon-top, --carbon-json)")
        if t.budget is not None:
            if t.state() == "exceeded":
                tr.write_line(
                    f"carbon budget exceeded: {_fmt(t.grams)} gCO2e > budget {_fmt(t.budget)} gCO2e", red=True, bold=True
                )
                if os.environ.get("GITHUB_ACTIONS") == "true":
                    tr.write_line(
                        f"::error title=Carbon budget exceeded::{_fmt(t.grams)} gCO2e > budget {_fmt(t.budget)} gCO2e"
                    )
            else:
                tr.write_line(f"carbon budget: {_fmt(t.grams)} of {_fmt(t.budget)} gCO2e ({t.state()})")
