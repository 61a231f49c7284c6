"""Is the database in a risky place? Network drives, UNC paths, cloud-synced and removable
folders.

SQLite's locking is unreliable over network file systems, a sync client (OneDrive, 坚果云,
百度网盘 …) can upload a half-written file or restore an old one over a newer one, and a USB
stick can be pulled out mid-write. The program warns and offers to move the file to a local
folder (the backups can then go to the share instead, where they are safe).

Detection is best effort and never raises: a path we cannot classify is treated as local.

>>> assess_location(Path(r"\\\\server\\union\\union.db")).kind
'unc'
>>> assess_location(Path("/home/x/OneDrive/union.db"), mounts="").kind
'cloud'
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

# Folder names that sync clients create (lower case; matched against every path part).
CLOUD_FOLDER_MARKERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "icloud drive",
    "iclouddrive",
    "坚果云",
    "nutstore",
    "nutstore files",
    "百度网盘",
    "baidunetdisk",
    "baidu netdisk",
    "wps网盘",
    "wps云盘",
    "wpsdrive",
    "腾讯微云",
    "weiyun",
    "阿里云盘",
    "aliyundrive",
    "seafile",
    "box sync",
    "boxsync",
    "123云盘",
    "quark",
    "夸克网盘",
    "天翼云盘",
    "mega",
)
NETWORK_FS_TYPES = (
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "sshfs",
    "fuse.sshfs",
    "9p",
    "davfs",
    "fuse.davfs2",
    "afs",
    "ncpfs",
    "fuse.rclone",
    "glusterfs",
    "ceph",
    "fuse.gvfsd-fuse",
)
_DRIVE_REMOVABLE, _DRIVE_REMOTE = 2, 4

KIND_LABELS = {
    "unc": "网络共享路径",
    "network": "网络驱动器",
    "cloud": "云同步文件夹",
    "removable": "移动存储设备（U 盘、移动硬盘）",
}


@dataclass(frozen=True)
class LocationRisk:
    """Why the location is risky: ``kind`` (unc / network / cloud / removable) and a detail."""

    kind: str
    detail: str

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def message(self, path: Path) -> str:
        """The warning shown to the user, in plain Chinese."""
        reasons = {
            "unc": "网络共享上的数据文件可能被多台电脑同时写入，网络中断时还可能损坏。",
            "network": "网络驱动器上的数据文件可能被多台电脑同时写入，网络中断时还可能损坏。",
            "cloud": "同步软件可能在写入一半时上传文件，或用旧版本覆盖新数据，导致数据丢失。",
            "removable": "移动存储设备在写入时被拔出会损坏数据文件，也容易丢失。",
        }
        return (
            f"数据文件位于{self.label}：\n{path}\n（{self.detail}）\n\n{reasons.get(self.kind, '')}\n"
            "建议把数据文件移到本机的文件夹，并把自动备份保存到这里（作为第二备份位置）。"
        )


def _windows_drive_type(root: str) -> int | None:
    """GetDriveTypeW of ``C:\\`` etc. (Windows only; tested with a fake ``ctypes.windll``)."""
    try:
        import ctypes

        return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError, TypeError, ValueError):
        return None


def _read_mounts() -> str:
    try:
        return Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _mount_for(path: str, mounts: str) -> tuple[str, str, str] | None:
    """(device, mount point, fs type) of the longest mount point containing ``path``."""
    best = None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        device, point, fstype = parts[0], parts[1].replace("\\040", " "), parts[2]
        prefix = point.rstrip("/") + "/"
        if path == point or path.startswith(prefix) or point == "/":
            if best is None or len(point) > len(best[1]):
                best = (device, point, fstype)
    return best


def _removable_block_device(device: str) -> bool:
    """Linux: /sys/block/<disk>/removable for /dev/sdb1 etc."""
    if not device.startswith("/dev/"):
        return False
    name = device[5:]
    disk = name.rstrip("0123456789")
    if disk.endswith("p") and name.startswith(("mmcblk", "nvme")):
        disk = disk[:-1]
    try:
        return Path(f"/sys/block/{disk}/removable").read_text().strip() == "1"
    except OSError:
        return False


def assess_location(
    path: Path,
    *,
    mounts: str | None = None,
    drive_type: Callable[[str], int | None] | None = None,
    environ: dict[str, str] | None = None,
) -> LocationRisk | None:
    """The risk of keeping the database at ``path``, or None for an ordinary local folder.

    ``mounts`` (Linux ``/proc/self/mounts`` text), ``drive_type`` (Windows GetDriveTypeW) and
    ``environ`` can be given by tests.
    """
    text = str(path)
    env = os.environ if environ is None else environ
    if text.startswith("\\\\") or text.startswith("//"):
        return LocationRisk("unc", f"路径以 {text[:2]} 开头")
    windows = PureWindowsPath(text)
    drive = windows.drive
    is_windows_path = len(drive) == 2 and drive[1] == ":"
    # Cloud folders: the sync clients' own environment variables, then folder names.
    for var in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        root = env.get(var)
        if root and os.path.normcase(text).startswith(
            os.path.normcase(root.rstrip("\\/")) + os.sep
        ):
            return LocationRisk("cloud", f"位于 {var} 同步文件夹")
    parts = windows.parts if is_windows_path else path.parts
    for part in parts:
        lowered = part.casefold()
        for marker in CLOUD_FOLDER_MARKERS:
            if (
                lowered == marker
                or lowered.startswith(marker + " -")
                or lowered.startswith(marker + "-")
                or ((len(marker) > 6 or not marker.isascii()) and marker in lowered)
            ):
                return LocationRisk("cloud", f"文件夹“{part}”由同步软件管理")
    if is_windows_path:
        get_type = drive_type or (_windows_drive_type if os.name == "nt" else None)
        kind = get_type(drive + "\\") if get_type else None
        if kind == _DRIVE_REMOTE:
            return LocationRisk("network", f"{drive} 是映射的网络驱动器")
        if kind == _DRIVE_REMOVABLE:
            return LocationRisk("removable", f"{drive} 是可移动磁盘")
        return None
    if mounts is None and not sys.platform.startswith("linux"):
        if sys.platform == "darwin" and text.startswith("/Volumes/"):
            return LocationRisk("removable", "位于 /Volumes 下的外接磁盘或网络卷")
        return None
    try:
        absolute = str(path.resolve()) if mounts is None else text
    except OSError:
        absolute = text
    mount = _mount_for(absolute, _read_mounts() if mounts is None else mounts)
    if mount is not None:
        device, point, fstype = mount
        if fstype.lower() in NETWORK_FS_TYPES or device.startswith("//"):
            return LocationRisk("network", f"{point} 是网络文件系统（{fstype}）")
        if mounts is None and _removable_block_device(device):
            return LocationRisk("removable", f"{point} 在可移动磁盘 {device} 上")
    if absolute.startswith(("/media/", "/run/media/")):
        return LocationRisk("removable", "位于 /media 下的可移动磁盘")
    return None
