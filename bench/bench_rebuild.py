"""Measure the fast-rebuild aims in one run and print each with its figure and ratio.

Run: .venv/bin/python bench/bench_rebuild.py [--repeat 3] [--baseline REV]

Every measurement is a whole `reportgen build` in a fresh Python process (imports count),
with its own cache folder. The example data is generated once beforehand, so "cold" means:
no cached values, no kept Documents, no earlier build. Each figure says which caches are
warm: "values" (the validated data, the values and the edition gate's pass), "kept
Documents" (each document's assembled model, reportgen/cache/models.py). Every timed
one-region build renders and writes its PDF (the file is deleted before each run). With
--baseline REV the warm full build is also timed with the code of that git revision
(exported to a temporary folder), for the ratio "warm full build, now / before". Prints
figures; the verdicts say whether each aim is met.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITED = Path("2023/zwolle/terugblik.md")


CPU: dict[str, list[float]] = {}
"""CPU seconds (user and system, the process and its children) of the commands run, by label."""


def run(args: list[str], env: dict[str, str], cwd: Path = ROOT, label: str = "") -> float:
    """Seconds one command takes, start to exit; its CPU seconds are added to CPU[label]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(label, []).append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return wall


def build(env: dict[str, str], out: Path, content: Path, *extra: str, python_path: str = "", label: str = "") -> float:
    """Seconds for `reportgen build` in a new process."""
    args = [sys.executable, "-m", "reportgen", "build", "--quiet", "--out", str(out), "--content", str(content)]
    if python_path:  # run in that folder: `python -m` puts the working folder first on the path
        return run([*args, *extra], {**env, "PYTHONPATH": python_path}, cwd=Path(python_path), label=label)
    return run([*args, *extra], env, label=label)


def state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of every file below `folder`."""
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


def forget_documents(work: Path) -> None:
    """Remove the kept Documents from the cache (data, values and the gate's pass stay)."""
    for entry in (work / "cache" / "reportgen" / "entries").glob("model-*"):
        entry.unlink()


def forget_pdf(out: Path) -> None:
    """Delete the built PDFs below `out`, so the next build must render and write them."""
    for pdf in out.rglob("*.pdf"):
        pdf.unlink()


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def export_revision(rev: str, target: Path) -> Path:
    """The package of a git revision, unpacked into `target` (for PYTHONPATH)."""
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def libreoffice_seconds(pptx: Path, work: Path) -> float | None:
    """Seconds LibreOffice takes to convert one PPTX to PDF (after one warm-up run)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
    args = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work / "lo"), str(pptx)]
    env = dict(os.environ)
    run(args, env, cwd=work)
    return run(args, env, cwd=work, label="office")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is shown")
    parser.add_argument("--baseline", metavar="REV", help="git revision to compare the warm full build with")
    args = parser.parse_args(argv)
    median = statistics.median
    load_before = " ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        content = work / "content"
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
        env.pop("SOURCE_DATE_EPOCH", None)
        old = export_revision(args.baseline, work / "baseline") if args.baseline else None
        code = "from reportgen.data.example_cache import cached_example_dataset as c; c()"
        run([sys.executable, "-c", code], env)  # the example data, once

        cold, noop, edit, warm, warm_values, one, one_values, baseline = [], [], [], [], [], [], [], []
        old_env = {**env, "XDG_CACHE_HOME": str(work / "cache-baseline")}
        if old is not None:
            build(old_env, work / "b-warmup", ROOT / "content", python_path=str(old))  # its values cached
        untouched = only_region = True
        for i in range(args.repeat):
            shutil.rmtree(content, ignore_errors=True)
            shutil.copytree(ROOT / "content", content)
            shutil.rmtree(work / "cache" / "reportgen" / "entries", ignore_errors=True)
            shutil.rmtree(work / "cache" / "reportgen" / "builds", ignore_errors=True)
            out = work / f"out{i}"
            cold.append(build(env, out, content, label="cold"))
            before = state(out)
            noop.append(build(env, out, content))
            untouched &= state(out) == before
            path = content / EDITED
            path.write_text(path.read_text(encoding="utf-8").replace("afgelopen", "voorbije", 1), encoding="utf-8")
            edit.append(build(env, out, content, label="edit"))
            after = state(out)
            only_region &= {k for k in after if after[k] != before[k]} == {k for k in after if "zwolle" in k}
            warm.append(build(env, work / f"warm{i}", content, label="warm"))
            if old is not None:  # the same build at the baseline, right after: the same load
                baseline.append(build(old_env, work / f"b{i}", content, python_path=str(old), label="baseline"))
            forget_documents(work)
            warm_values.append(build(env, work / f"warmv{i}", content, label="warm-values"))
            one_args = ("--region", "zwolle", "--format", "pdf")
            one_out = work / f"one{i}"
            build(env, one_out, content, *one_args)  # its Document is kept (it was already)
            for _ in range(2):
                forget_pdf(one_out)
                one.append(build(env, one_out, content, *one_args, label="one"))
                forget_pdf(one_out)
                forget_documents(work)
                one_values.append(build(env, one_out, content, *one_args, label="one-values"))
        pptx = next((work / "out0" / "2023").glob("*-zwolle.pptx"))
        office = libreoffice_seconds(pptx, work)
        before_warm = median(baseline) if baseline else None

    c, n, e, w, wv, o, ov = (median(x) for x in (cold, noop, edit, warm, warm_values, one, one_values))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; medians of {args.repeat} run(s)")
    print(f"load average before / after: {load_before} / {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"cold full build (11 regions, pptx+pdf, nothing cached):       {c:6.2f} s")
    print(
        f"second build, nothing changed:  {n:6.2f} s = {n / c:5.1%} of cold (aim <= 10%: {verdict(n / c <= 0.10)}); "
        f"files rewritten: {'none' if untouched else 'SOME'} ({verdict(untouched)})"
    )
    print(
        f"one narrative edited (zwolle; values warm): {e:6.2f} s = {e / c:5.1%} of cold "
        f"(aim <= 15%: {verdict(e / c <= 0.15)}); only zwolle's files changed: {'yes' if only_region else 'NO'} "
        f"({verdict(only_region)})"
    )
    cpu_edit, cpu_cold = median(CPU["edit"]), median(CPU["cold"])
    print(f"  the same in CPU seconds: {cpu_edit:6.2f} s of {cpu_cold:6.2f} s = {cpu_edit / cpu_cold:5.1%}")
    if office is not None:
        print(
            f"--region zwolle --format pdf, whole process, PDF rendered and written (values and kept Document "
            f"warm): {o:5.2f} s; LibreOffice pptx->pdf: {office:5.2f} s; {office / o:4.1f}x faster "
            f"(aim >= 3x: {verdict(office / o >= 3)})"
        )
        one_cpu, office_cpu = median(CPU["one"]), median(CPU["office"])
        print(
            f"  the same in CPU seconds: {one_cpu:5.2f} s against LibreOffice {office_cpu:5.2f} s, "
            f"{office_cpu / one_cpu:4.1f}x"
        )
        print(
            f"  without a kept Document (values warm; assembled, charts drawn): {ov:5.2f} s, "
            f"{office / ov:4.1f}x; CPU {median(CPU['one-values']):5.2f} s"
        )
    else:
        print(f"--region zwolle --format pdf, whole process: {o:5.2f} s (soffice not found: no comparison)")
    if before_warm is not None:
        print(
            f"warm full build, new output folder (values and kept Documents warm): {w:6.2f} s; "
            f"at {args.baseline} (values warm): {before_warm:6.2f} s; "
            f"ratio {w / before_warm:4.2f} (aim < 0.5: {verdict(w / before_warm < 0.5)})"
        )
        cpu_warm, cpu_before = median(CPU["warm"]), median(CPU["baseline"])
        print(f"  the same in CPU seconds: {cpu_warm:6.2f} s against {cpu_before:6.2f} s, {cpu_warm / cpu_before:4.2f}")
        print(
            f"  with values warm only (every document assembled, charts drawn): {wv:6.2f} s; "
            f"ratio {wv / before_warm:4.2f}"
        )
    else:
        print(f"warm full build, new output folder: {w:6.2f} s, values only warm {wv:6.2f} s (--baseline REV: ratio)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
