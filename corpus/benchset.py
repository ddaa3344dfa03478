#!/usr/bin/env python3
"""Build a benchmark set from PDFs: COPIES copies of every input file, each copy
with distinct bytes, so that ingest extracts every one (it skips bytes it has
already loaded).

usage: corpus/benchset.py OUT COPIES FILE...   (corpus/bench.sh calls it)

A copy differs from its source in the first string of the trailer's /ID only:
the hex digits are overwritten in place with digits derived from the copy's
name, so every byte offset, the cross-reference table and the page content stay
as they were. A file without /ID is first rewritten by qpdf (which adds one,
keeping object streams as they were); an encrypted file (whose key may depend
on /ID) or one qpdf cannot read (a truncated file) gets a line appended at its
end instead, which readers do not see.
"""
import hashlib
import os
import re
import subprocess
import sys
import tempfile

ID_RE = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>")


def patch_id(data, seed):
    m = ID_RE.search(data, max(0, len(data) - 4096)) or ID_RE.search(data)
    if not m or b"/Encrypt" in data:
        return None
    n = m.end(1) - m.start(1)
    digits = hashlib.sha256(seed).hexdigest().upper().encode()
    while len(digits) < n:
        digits += hashlib.sha256(digits).hexdigest().upper().encode()
    return data[: m.start(1)] + digits[:n] + data[m.end(1) :]


def with_id(path):
    """The file's bytes, rewritten by qpdf when it has no /ID and can be."""
    data = open(path, "rb").read()
    if ID_RE.search(data) or b"/Encrypt" in data:
        return data
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "x.pdf")
        r = subprocess.run(["qpdf", "--object-streams=preserve", path, out], capture_output=True)
        if r.returncode in (0, 3) and os.path.exists(out):
            return open(out, "rb").read()
    return data


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out, copies, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    for path in files:
        base = os.path.splitext(os.path.basename(path))[0]
        data = with_id(path)
        for k in range(copies):
            name = "%s_c%02d.pdf" % (base, k)
            copy = patch_id(data, name.encode())
            if copy is None:
                copy = data + b"\n%% benchmark copy %s\n" % name.encode()
            with open(os.path.join(out, name), "wb") as f:
                f.write(copy)


if __name__ == "__main__":
    main()
