"""Small file systems for fault tests: a tmpfs of a given size (full disk) that
can be remounted read-only (as root, chmod does not stop writes; a read-only
mount does). Tests using them are skipped where mounting is not allowed."""
import subprocess

import pytest


class Mounts:
    def __init__(self, base):
        self.base = base
        self.points = []

    def tmpfs(self, size: str):
        point = self.base / f"mnt{len(self.points)}"
        point.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                                capture_output=True, text=True)
        if result.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        self.points.append(point)
        return point

    @staticmethod
    def read_only(point) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)

    def unmount_all(self) -> None:
        for point in reversed(self.points):
            subprocess.run(["umount", "-l", str(point)], capture_output=True)


@pytest.fixture
def mounts(tmp_path):
    m = Mounts(tmp_path)
    yield m
    m.unmount_all()
