"""A bounded concurrency stress run on one library: GUI-equivalent edits (a
PlanDocument editing node texts and the plan title, reloading when told its
revision is stale, as the window does), CLI imports and CLI status changes,
each in its own process, for a fixed time. Afterwards every returned write must
be in the library (0 lost writes) and no process may have seen a lock error.

    python tests/stress_workers.py ROLE DB PLAN_ID SECONDS   # one worker; prints JSON
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FIXTURE = HERE.parent / "templates" / "plans" / "examples" / "taipei-114.json"


def _locked(message: str) -> bool:
    return "鎖住" in message or "locked" in message


def _write(doc, key: str, value: str, counts: dict) -> bool:
    """One clerk edit; on a stale revision reload and edit again, as the window does."""
    from desktop.errors import PlanDeskError, StaleWrite
    from desktop.ops import EditNode, EditPlan
    for _ in range(100):
        op = EditPlan({"title": value}, "修改標題") if key == "title" else EditNode(key, {"text": value})
        try:
            doc.apply(op)
            return True
        except StaleWrite:
            counts["stale"] += 1
            doc.reload()
        except PlanDeskError as exc:
            counts["errors"].append(exc.message)
            return False
    return False


def edit_worker(db: str, plan_id: int, seconds: float) -> dict:
    from desktop.document import PlanDocument
    from desktop.library import Library
    library = Library.open(db)
    doc = PlanDocument.open(library, plan_id)
    nodes = [n.id for n in doc.plan.walk()]
    counts, last, edits, n = {"stale": 0, "errors": []}, {}, 0, 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        n += 1
        key = "title" if n % 5 == 0 else nodes[n % len(nodes)]
        value = f"{'標題' if key == 'title' else '內容'} {os.getpid()}-{n}"
        if _write(doc, key, value, counts):
            last[key] = value
            edits += 1
    library.close()
    return {"edits": edits, "stale": counts["stale"], "errors": counts["errors"], "last": last}


def _cli(args: list[str]) -> tuple[int, str]:
    from desktop.cli import main
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(args)
    return code, err.getvalue() + out.getvalue()


def import_worker(db: str, plan_id: int, seconds: float) -> dict:
    done, errors = 0, []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        code, text = _cli(["--db", db, "import", str(FIXTURE)])
        if code:
            errors.append(text.strip())
        else:
            done += 1
    return {"imports": done, "errors": errors}


def status_worker(db: str, plan_id: int, seconds: float) -> dict:
    done, errors, status = 0, [], "草稿"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        wanted = "陳核" if status == "草稿" else "草稿"
        code, text = _cli(["--db", db, "status", str(plan_id), wanted])
        if code:
            errors.append(text.strip())
        else:
            done, status = done + 1, wanted
    return {"changes": done, "status": status, "errors": errors}


ROLES = {"edit": edit_worker, "import": import_worker, "status": status_worker}


def run_stress(db: Path, seconds: float, editors: int = 1) -> dict:
    """Run the workers against a fresh library at ``db``; returns the figures."""
    from desktop.exchange import read_plan_file
    from desktop.library import Library
    library = Library.open(db)
    plan_id = library.add_plan(read_plan_file(FIXTURE))
    library.close()
    roles = ["edit"] * editors + ["import", "status"]
    procs = [subprocess.Popen([sys.executable, __file__, role, str(db), str(plan_id), str(seconds)],
                              stdout=subprocess.PIPE, text=True, encoding="utf-8") for role in roles]
    results = [json.loads(p.communicate(timeout=seconds + 120)[0]) for p in procs]
    edits = [r for role, r in zip(roles, results) if role == "edit"]
    imported, status = results[-2], results[-1]
    errors = [e for r in results for e in r["errors"]]

    library = Library.open(db)
    plan = library.load_plan(plan_id)
    texts = {n.id: n.text for n in plan.walk()}
    lost = 0
    if editors == 1:  # with one editor every node's last returned text must be there
        for key, value in edits[0]["last"].items():
            lost += (plan.title if key == "title" else texts[key]) != value
    history = library.status_history(plan_id)
    lost += len(history) - 1 != status["changes"]     # every status change is logged …
    lost += plan.status != status["status"]            # … and none was reverted by an edit
    lost += len(library.list_plans()) != 1 + imported["imports"]
    library.close()
    return {"edits": sum(r["edits"] for r in edits), "stale_retries": sum(r["stale"] for r in edits),
            "imports": imported["imports"], "status_changes": status["changes"],
            "locked_errors": sum(_locked(e) for e in errors), "other_errors": [e for e in errors if not _locked(e)],
            "lost_writes": lost}


if __name__ == "__main__":
    role, db, plan_id, seconds = sys.argv[1:5]
    print(json.dumps(ROLES[role](db, int(plan_id), float(seconds)), ensure_ascii=False))
