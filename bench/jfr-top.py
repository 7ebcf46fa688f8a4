#!/usr/bin/env python3
"""Where the gateway's CPU samples go: aggregates `jfr print --json --stack-depth 64 --events jdk.ExecutionSample`.

Prints the sample share of threads, of libraries anywhere on the stack (inclusive), of packages and methods at the
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


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    with open(path, encoding="utf-8") as f:
        events = json.load(f)["recording"]["events"]
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

    print(f"# {total} execution samples (JFR jdk.ExecutionSample, Java code only; time in native code, the kernel"
          " and the JIT is not sampled here)")
    show("threads", threads, 10)
    show("libraries anywhere on the stack (inclusive)", incl_library, 30)
    show("libraries at the top of the stack (self)", self_library, 30)
    show("packages at the top of the stack (self)", self_package)
    show("methods at the top of the stack (self)", self_method)
    show("Leadgate methods anywhere on the stack (inclusive)", incl_leadgate, 40)


if __name__ == "__main__":
    main()
