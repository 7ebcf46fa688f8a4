#!/usr/bin/env python3
"""Python's email package over the same corpus as MimeBenchmark (bench/mime.sh): each message is parsed with
email.message_from_bytes(policy=email.policy.default), its address, subject, date and id headers are read decoded,
and every part is walked, text bodies decoded to str (get_content) and attachments' payloads decoded to bytes.
Prints messages/s after a warm-up. Usage: bench/mime_python.py CORPUS_DIR [seconds] [warm-up seconds]
"""
import email
import email.policy
import pathlib
import sys
import time


def handle(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out = [str(msg.get(h, "")) for h in ("From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID")]
    for part in msg.walk():
        if part.is_multipart():
            continue
        try:
            if part.get_content_maintype() == "text" and part.get_content_disposition() != "attachment":
                out.append(part.get_content())
            else:
                out.append(part.get_payload(decode=True))
        except (LookupError, ValueError, AssertionError):  # unknown charset, broken encoding: keep the raw payload
            out.append(part.get_payload(decode=True))
    return out


def run(corpus, seconds):
    n, start = 0, time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for raw in corpus:
            handle(raw)
        n += len(corpus)
    return n / (time.perf_counter() - start)


def main():
    files = sorted(pathlib.Path(sys.argv[1]).glob("*.eml"))
    corpus = [f.read_bytes() for f in files]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10
    run(corpus, float(sys.argv[3]) if len(sys.argv) > 3 else 3)
    print(f"python {sys.version.split()[0]} email: {len(corpus)} messages, {run(corpus, seconds):.0f} messages/s")


if __name__ == "__main__":
    main()
