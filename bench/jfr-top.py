#!/usr/bin/env python3
"""Where the gateway's time goes: aggregates `jfr print --json --stack-depth 64 --events
jdk.ExecutionSample,jdk.ObjectAllocationSample,jdk.GarbageCollection`.

Prints GC pauses, allocation by library and class, and the sample share of threads, of libraries anywhere on the stack (inclusive), of packages and methods at the
top of the stack (self), and of the project's own methods anywhere on the stack (inclusive).
Usage: bench/jfr-top.py samples.json [top-n]
"""
import collections
import json
import re
import sys

LIBRARIES = [  # (label, class-name prefix), first match wins for the "self" view; all matches count inclusively
    ("Hibernate ORM", "org.hibernate."),
    ("PostgreSQL JDBC driver", "org.postgresql."),
    ("Agroal connection pool", "io.agroal."),
    ("Narayana transactions", "com.arjuna."),
    ("Jackson JSON", "com.fasterxml.jackson."),
    ("libphonenumber", "com.google.i18n.phonenumbers."),
    ("Angus / Jakarta Mail", "org.eclipse.angus."),
    ("Angus / Jakarta Mail", "jakarta.mail."),
    ("RESTEasy Reactive", "org.jboss.resteasy."),
    ("Vert.x", "io.vertx."),
    ("Netty", "io.netty."),
    ("Quarkus / ArC / SmallRye", "io.quarkus."),
    ("Quarkus / ArC / SmallRye", "io.smallrye."),
    ("JBoss logging / threads", "org.jboss."),
    ("Leadgate", "io.leadgate."),
    ("JDK regex", "java.util.regex."),
    ("JDK crypto / security", "sun.security."),
    ("JDK crypto / security", "java.security."),
    ("JDK crypto / security", "com.sun.crypto."),
    ("JDK collections / streams", "java.util."),
    ("JDK lang / text", "java.lang."),
    ("JDK other", "java."),
    ("JDK other", "jdk."),
    ("JDK other", "sun."),
]


def class_name(frame):
    t = frame.get("method", {}).get("type", {})
    return (t.get("name") or "?").replace("/", ".")


def method_name(frame):
    return class_name(frame) + "." + frame.get("method", {}).get("name", "?")


def library(cls):
    for label, prefix in LIBRARIES:
        if cls.startswith(prefix):
            return label
    return "other"


def package(cls, depth=3):
    cls = re.sub(r"\$.*", "", cls)
    return ".".join(cls.split(".")[:-1][:depth]) or "(default)"


def seconds(iso):
    """JFR durations print as ISO-8601 (PT0.0123S); minutes and hours are rare for GC pauses but handled."""
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", iso or "")
    return 0.0 if not m else int(m[1] or 0) * 3600 + int(m[2] or 0) * 60 + float(m[3] or 0)


def allocations(events, top):
    samples = [e for e in events if e["type"] == "jdk.ObjectAllocationSample"]
    total = sum(e["values"].get("weight", 0) for e in samples)
    if not total:
        return
    by_class, by_caller = collections.Counter(), collections.Counter()
    for e in samples:
        v = e["values"]
        w = v.get("weight", 0)
        by_class[(v.get("objectClass") or {}).get("name", "?").replace("/", ".")] += w
        frames = (v.get("stackTrace") or {}).get("frames") or []
        caller = next((fr for fr in frames if library(class_name(fr)) not in
                       ("JDK collections / streams", "JDK lang / text", "JDK other", "JDK regex")), None)
        by_caller[library(class_name(caller)) if caller else "JDK only"] += w
    print(f"\n## allocation (JFR jdk.ObjectAllocationSample, weighted): {total / 2**20:.0f} MiB sampled in the phase")
    print("### by the first non-JDK frame's library")
    for key, w in by_caller.most_common(15):
        print(f"{100.0 * w / total:6.1f}%  {key}")
    print("### by allocated class")
    for key, w in by_class.most_common(top // 2):
        print(f"{100.0 * w / total:6.1f}%  {key}")


def collections_gc(events):
    gcs = [e["values"] for e in events if e["type"] == "jdk.GarbageCollection"]
    if gcs:
        pauses = [seconds(g.get("sumOfPauses")) for g in gcs]
        kinds = collections.Counter(g.get("name", "?") for g in gcs)
        print(f"\n## garbage collection: {len(gcs)} collections ({', '.join(f'{k} {n}' for k, n in kinds.items())}),"
              f" {sum(pauses) * 1000:.0f} ms of pauses in all, longest {max(pauses) * 1000:.1f} ms")


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    with open(path, encoding="utf-8") as f:
        events = json.load(f)["recording"]["events"]
    collections_gc(events)
    allocations(events, top)
    events = [e for e in events if e["type"] == "jdk.ExecutionSample"]
    threads, self_method, self_package, self_library = (collections.Counter() for _ in range(4))
    incl_library, incl_leadgate = collections.Counter(), collections.Counter()
    total = 0
    for e in events:
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        total += 1
        name = (e["values"].get("sampledThread") or {}).get("javaName") or "?"
        threads[re.sub(r"[-#]?\d+$", "", name)] += 1
        cls = class_name(frames[0])
        self_method[method_name(frames[0])] += 1
        self_package[package(cls)] += 1
        self_library[library(cls)] += 1
        incl_library.update({library(class_name(fr)) for fr in frames})
        incl_leadgate.update({re.sub(r"\$\$.*?\.", ".", method_name(fr)) for fr in frames
                              if class_name(fr).startswith("io.leadgate.")})

    def show(title, counter, n=top):
        print(f"\n## {title}")
        for key, count in counter.most_common(n):
            print(f"{100.0 * count / total:6.1f}%  {key}")

    print(f"\n# {total} execution samples (JFR jdk.ExecutionSample, Java code only; time in native code, the kernel"
          " and the JIT is not sampled here)")
    show("threads", threads, 10)
    show("libraries anywhere on the stack (inclusive)", incl_library, 30)
    show("libraries at the top of the stack (self)", self_library, 30)
    show("packages at the top of the stack (self)", self_package)
    show("methods at the top of the stack (self)", self_method)
    show("Leadgate methods anywhere on the stack (inclusive)", incl_leadgate, 40)


if __name__ == "__main__":
    main()
