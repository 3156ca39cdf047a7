#!/usr/bin/env python3
"""A share that can stop answering, for tests: a FUSE passthrough of BACKING at MOUNTPOINT whose
every operation blocks while the file HANG exists (as a network share whose server went away does).
Usage: hanging_share.py BACKING MOUNTPOINT HANG  (runs in the foreground until unmounted)."""
import errno
import os
import sys
import time

try:
    from fusepy import FUSE, FuseOSError, Operations  # Debian's python3-fusepy
except ImportError:
    from fuse import FUSE, FuseOSError, Operations


class HangingShare(Operations):
    def __init__(self, backing, hang):
        self.backing = os.path.realpath(backing)
        self.hang = hang

    def _wait(self):
        while os.path.exists(self.hang):
            time.sleep(0.05)

    def _path(self, path):
        self._wait()
        return os.path.join(self.backing, path.lstrip('/'))

    def _call(self, fn, *args):
        try:
            return fn(*args)
        except OSError as error:
            raise FuseOSError(error.errno or errno.EIO)

    def access(self, path, mode):
        if not os.access(self._path(path), mode):
            raise FuseOSError(errno.EACCES)

    def getattr(self, path, fh=None):
        st = self._call(os.lstat, self._path(path))
        keys = ('st_atime', 'st_ctime', 'st_gid', 'st_mode', 'st_mtime', 'st_nlink', 'st_size', 'st_uid')
        return {key: getattr(st, key) for key in keys}

    def readdir(self, path, fh):
        return ['.', '..'] + self._call(os.listdir, self._path(path))

    def readlink(self, path):
        return self._call(os.readlink, self._path(path))

    def mkdir(self, path, mode):
        return self._call(os.mkdir, self._path(path), mode)

    def rmdir(self, path):
        return self._call(os.rmdir, self._path(path))

    def mknod(self, path, mode, dev):
        return self._call(os.mknod, self._path(path), mode, dev)

    def unlink(self, path):
        return self._call(os.unlink, self._path(path))

    def symlink(self, name, target):
        return self._call(os.symlink, target, self._path(name))

    def rename(self, old, new):
        return self._call(os.rename, self._path(old), self._path(new))

    def link(self, target, name):
        return self._call(os.link, self._path(name), self._path(target))

    def chmod(self, path, mode):
        return self._call(os.chmod, self._path(path), mode)

    def chown(self, path, uid, gid):
        return self._call(os.chown, self._path(path), uid, gid)

    def utimens(self, path, times=None):
        return self._call(os.utime, self._path(path), times)

    def statfs(self, path):
        st = self._call(os.statvfs, self._path(path))
        keys = ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail', 'f_ffree', 'f_files',
                'f_flag', 'f_frsize', 'f_namemax')
        return {key: getattr(st, key) for key in keys}

    def open(self, path, flags):
        return self._call(os.open, self._path(path), flags)

    def create(self, path, mode, fi=None):
        return self._call(os.open, self._path(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)

    def read(self, path, length, offset, fh):
        self._wait()
        os.lseek(fh, offset, os.SEEK_SET)
        return self._call(os.read, fh, length)

    def write(self, path, data, offset, fh):
        self._wait()
        os.lseek(fh, offset, os.SEEK_SET)
        return self._call(os.write, fh, data)

    def truncate(self, path, length, fh=None):
        with open(self._path(path), 'r+') as f:
            f.truncate(length)

    def flush(self, path, fh):
        self._wait()
        return 0

    def release(self, path, fh):
        return self._call(os.close, fh)

    def fsync(self, path, fdatasync, fh):
        self._wait()
        return self._call(os.fsync, fh)


if __name__ == '__main__':
    backing, mountpoint, hang = sys.argv[1:4]
    FUSE(HangingShare(backing, hang), mountpoint, foreground=True, nothreads=False)
