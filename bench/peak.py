"""Run one command and write its own wall time and peak resident memory to a file.

    python bench/peak.py RESULT COMMAND...

A process started from the benchmark itself would report the benchmark's size: Linux carries a
process's peak RSS over exec (the forked or vforked child begins with its parent's memory mapped,
and exec keeps that high-water mark), and wait4 returns it. Started from this small interpreter
instead, the command's peak is its own (this wrapper holds about 10 MB, less than any Python
child). Only os, sys and time are imported, for that reason. RESULT gets one line:
``seconds cpu_seconds peak_kb exit_code`` (CPU: user and system time of the command, less
disturbed than wall time by other work on a shared machine); the command's stdout and stderr
are the wrapper's.
"""

import os
import sys
import time

if __name__ == "__main__":
    result, command = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    with open(result, "w") as out:
        cpu = usage.ru_utime + usage.ru_stime
        out.write(f"{seconds} {cpu} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}\n")  # KB on Linux
