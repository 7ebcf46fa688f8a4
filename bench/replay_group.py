"""Writes a pgbench script that replays bench/write-path-replay.sql for a group of people in one transaction (issue #15).

    python3 bench/replay_group.py SIZE apart|together < bench/write-path-replay.sql > group.sql

apart     the group's people one after the other, each behind a savepoint, each with its own statements: what the
          gateway's group commit sends today for writes that share a transaction.
together  the same rows, one statement per step for the whole group: one claim, one identity read, one blocking-key
          read, one multi-row insert per table, one roster read. Not what the gateway sends: what PostgreSQL would make
          of a write path that takes its concurrent deliveries a step at a time.

Each person gets the replay's own first statement (its ids, phone, key and mailbox) under a variable prefix of its own
and a random number of its own; the rows, their values and their order are the replay's. pgbench allows 255
parameters in a statement, so "together" holds up to four people.
"""
import re
import sys

PERSON_VARS = re.compile(r"(?<!:):(id|tail|key|mail|n)\b")


def commands(text):
    """The script's meta commands (a line each) and SQL statements (up to a line ending in ';' or '\\gset')."""
    out, current = [], []
    for line in text.splitlines():
        if not line.strip() or line.startswith("--"):
            continue
        if line.startswith("\\") and not current:
            out.append(line)
            continue
        current.append(line.strip())
        if line.rstrip().endswith(";") or line.rstrip().endswith("\\gset"):
            out.append(" ".join(current))
            current = []
    if current:
        raise SystemExit("unterminated statement: " + " ".join(current))
    return out


def person(statement, k):
    return PERSON_VARS.sub(lambda m: ":p%d_%s" % (k, m.group(1)), statement)


def merged(statement, size):
    """One statement for the group: the rows, array elements or union branches of each person's copy together."""
    copies = [person(statement, k) for k in range(size)]
    if statement.startswith("insert"):
        at = re.search(r"[ (]values ", statement).end()
        parts = []
        for copy in copies:
            rest = copy[at:].rstrip(";").rstrip()
            for suffix in (") v", " on conflict do nothing", ""):
                if rest.endswith(suffix):
                    parts.append(rest[:len(rest) - len(suffix)])
                    break
        return statement[:at] + ", ".join(parts) + suffix + ";"
    if "array[" in statement:
        start = statement.index("array[") + len("array[")
        end = statement.index("]", start)
        return statement[:start] + ", ".join(c[start:c.index("]", start)] for c in copies) + statement[end:]
    if " union all " in statement:
        start = statement.index("from (") + len("from (")
        end = statement.rindex(") k")
        return statement[:start] + " union all ".join(c[start:c.rindex(") k")] for c in copies) + statement[end:]
    raise SystemExit("no way to merge: " + statement[:80])


def main():
    size, mode = int(sys.argv[1]), sys.argv[2]
    script = commands(sys.stdin.read())
    first = next(i for i, c in enumerate(script) if c.endswith("\\gset"))
    out = []
    for k in range(size):  # each person: a random number and the replay's first statement, under a prefix
        out.append("\\set p%d_n random(1, 9000000000000000)" % k)
        out.append(person(script[first], k).replace("\\gset", "\\gset p%d_" % k))
    body = script[first + 1:]
    if mode == "together":
        for c in body:
            shared = c.startswith("\\") or not PERSON_VARS.search(c)
            out.append(c if shared else merged(c, size))
    elif mode == "apart":
        steps = [c for c in body if c not in ("begin;", "commit;")]
        out.append("begin;")
        for k in range(size):
            out.append("savepoint group_write;")
            out.extend(c if c.startswith("\\") else person(c, k) for c in steps)
        out.append("commit;")
    else:
        raise SystemExit("mode: apart or together")
    text = "\n".join(out) + "\n"
    print(re.sub(r"\\startpipeline\n\\endpipeline\n", "", text), end="")


if __name__ == "__main__":
    main()
