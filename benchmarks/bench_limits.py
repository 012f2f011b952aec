"""The largest plan PlanDesk accepts (desktop/limits.py: MAX_NODES items) must
export and import again: DOCX export peak memory (target ≤ 600 MB, issue #12),
export and re-import time, and whether the re-import succeeded (1 = yes).
Each step runs in its own process so its peak memory is its own.

    python3 benchmarks/run.py limits
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from common import ROOT, Result

STEP = textwrap.dedent("""
    import json, resource, sys, time
    sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
    from common import hualien, times_ten
    from desktop.limits import MAX_NODES
    step, path = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    ok = 1
    if step == "export":
        from desktop.export import export_plan
        base = hualien()
        plan = times_ten(base, copies=MAX_NODES // sum(1 for _ in base.walk()))
        export_plan(plan, "docx", path)
        nodes = sum(1 for _ in plan.walk())
    else:
        from desktop.errors import PlanDeskError
        from desktop.importer import read_document
        try:
            plan, _ = read_document(path)
            nodes = sum(1 for _ in plan.walk())
        except PlanDeskError as exc:
            print(exc.message, file=sys.stderr)
            ok, nodes = 0, 0
    print(json.dumps({{"seconds": time.perf_counter() - start, "nodes": nodes, "ok": ok,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
""")


def _step(step: str, path: Path) -> dict:
    code = STEP.format(root=str(ROOT), bench=str(ROOT / "benchmarks"))
    out = subprocess.run([sys.executable, "-c", code, step, str(path)], capture_output=True, text=True,
                         timeout=1800)
    if out.returncode:
        print(out.stderr[-2000:])
        return {"seconds": 0, "nodes": 0, "ok": 0, "peak_mb": 0}
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "largest.docx"
        exported = _step("export", path)
        imported = _step("import", path)
    n = exported["nodes"]
    return [
        Result(f"largest plan ({n} items): DOCX export peak memory", exported["peak_mb"], 600, "MB"),
        Result(f"largest plan ({n} items): DOCX export time", exported["seconds"], None),
        Result(f"largest plan: DOCX re-import succeeded (1 = yes), {imported['nodes']} items", imported["ok"], None, ""),
        Result("largest plan: DOCX re-import peak memory", imported["peak_mb"], None, "MB"),
        Result("largest plan: DOCX re-import time", imported["seconds"], None),
    ]
