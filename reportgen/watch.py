"""`reportgen watch`: rebuild what an editor's save affects, while they work.

A cheap poll (file names, sizes and modification times of the content, layout and data
folders) notices a save; then the build plan (reportgen/cache/plan.py) decides which
documents it affects, `check` runs for those, and when it finds no errors `build` makes
them. Standard library only: polling works the same on every file system, also on
network shares where change notifications do not arrive.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.options import Options

Snapshot = dict[str, tuple[int, int]]


def watched_folders(options: Options) -> list[Path]:
    """The folders whose files a build reads: content, layout (with theme, settings,
    registry) and the data folder when one is given."""
    from reportgen.cache.keys import LAYOUT_DIR, layout_folder

    folders = [Path(options.content_dir), layout_folder(options.layout_path, options.document), LAYOUT_DIR]
    if options.data_dir is not None:
        folders.append(Path(options.data_dir))
    return list(dict.fromkeys(f.resolve() for f in folders))


def snapshot(folders: list[Path]) -> Snapshot:
    """Path -> (size, modification time in ns) of every file below the folders."""
    found: Snapshot = {}
    for folder in folders:
        for path in folder.rglob("*") if folder.is_dir() else []:
            try:
                st = path.stat()
            except OSError:
                continue  # removed while we looked: the next poll sees it gone
            if path.is_file():
                found[str(path)] = (st.st_size, st.st_mtime_ns)
    return found


@dataclass
class Watcher:
    """Polls the input folders; `step` does one round and returns the lines to show."""

    options: Options
    folders: list[Path] = field(default_factory=list)
    last: Snapshot | None = None

    def __post_init__(self) -> None:
        if not self.folders:
            self.folders = watched_folders(self.options)

    def step(self) -> list[str]:
        """One poll: nothing when no file changed since the last; else check and rebuild
        the affected documents and say what happened (the first step builds what is stale)."""
        now = snapshot(self.folders)
        if now == self.last:
            return []
        self.last = now
        return self.rebuild()

    def rebuild(self) -> list[str]:
        """Check, then build, the documents whose inputs changed since their last build."""
        from reportgen.cache.plan import plan_build
        from reportgen.pipeline import build, check

        lines: list[str] = []
        try:
            plan = plan_build(self.options, [], use_record=self.options.use_cache)
            if not plan.stale:
                return ["nothing changed that a document shows"]
            options = replace(self.options, regions=plan.stale)
            report = check(options)
            lines += [str(p) for p in report.problems]
            if report.errors:
                return [*lines, f"not built: {len(report.errors)} error(s) in {', '.join(plan.stale)}; fix and save"]
            result = build(options)
        except ReportgenError as exc:
            return [*lines, *(str(p) for p in exc.problems), f"not built: problem(s) in the {exc.category}"]
        lines += [str(p) for p in result.problems if str(p) not in lines]
        lines += [f"wrote {p}" for paths in result.written.values() for p in paths]
        lines += [f"failed: {s} ({why})" for s, why in result.failed.items()]
        return lines or ["nothing to write"]


def run(
    watcher: Watcher,
    echo: Callable[[str], None],
    interval: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
    rounds: int | None = None,
) -> int:
    """Poll until Ctrl-C (or `rounds` polls, for tests); returns the exit code 0."""
    done = 0
    try:
        while rounds is None or done < rounds:
            for line in watcher.step():
                echo(line)
            done += 1
            sleep(interval)
    except KeyboardInterrupt:
        echo("stopped watching")
    return 0
