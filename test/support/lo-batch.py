#!/usr/bin/python3
"""
Batch driver for LibreOffice Calc (headless) through Python-UNO: ONE soffice process for many workbooks.

Usage: /usr/bin/python3 lo-batch.py <jobs.json> <out.json> <profile-dir>

soffice starts at once; the jobs are read from <jobs.json>, a JSON-lines file the caller appends to while
LibreOffice works (one job per line, then a line {"end": true}), so preparing the workbooks and recalculating
them overlap:

{"file": "<xlsx>", "phases": [
    {"edits": [{"sheet": "S", "cell": "B7", "value": 0.3}],   # number, string, or null (= clear)
     "reads": [{"sheet": "S", "range": "A1:Z80"}],             # values after a full recalculation
     "saveAs": "<xlsx>"}                                        # optional: store the recalculated file
]}
out.json: {"jobs": [{"phases": [{"recalcSeconds": 0.01, "recalcCpuSeconds": 0.01, "reads": [[[...row...], ...]]}]}]}
(recalcCpuSeconds: CPU time of soffice.bin during the recalculation — on a busy machine the wall time is mostly
waiting for a core.)

Every phase applies its edits, runs a full recalculation (document.calculateAll(), timed), reads the ranges
(numbers as numbers, text as text, blank and error cells as null) and optionally stores the file as .xlsx.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def read_range(sheet, address):
    # One UNO call per range: numbers as floats, text as strings, blank (and error) cells as "" -> None.
    data = sheet.getCellRangeByName(address).getDataArray()
    return [[None if v == "" else v for v in row] for row in data]


def soffice_cpu_seconds(profile):
    """CPU seconds (user + system) used so far by the soffice.bin of this profile (Linux /proc; None elsewhere)."""
    try:
        total = 0
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open("/proc/%s/cmdline" % pid, "rb") as f:
                    cmd = f.read().decode("utf-8", "replace")
                if "soffice.bin" not in cmd or profile not in cmd:
                    continue
                with open("/proc/%s/stat" % pid) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
            except OSError:
                continue
        return total / os.sysconf("SC_CLK_TCK")
    except Exception:
        return None


def stream_jobs(path, timeout=600):
    """Yields the jobs of a JSON-lines file as lines are appended to it, until a line {"end": true}."""
    buffered = ""
    offset = 0
    idle = 0.0
    while True:
        chunk = ""
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                f.seek(offset)
                chunk = f.read()
                offset = f.tell()
        if chunk == "":
            time.sleep(0.05)
            idle += 0.05
            if idle > timeout:
                raise RuntimeError("no jobs arrived")
            continue
        idle = 0.0
        buffered += chunk
        while "\n" in buffered:
            line, buffered = buffered.split("\n", 1)
            if line.strip() == "":
                continue
            job = json.loads(line)
            if job.get("end"):
                return
            yield job


def main():
    jobs_path, out_path, profile = sys.argv[1], sys.argv[2], sys.argv[3]
    pipe = "som_lo_batch_%d" % os.getpid()
    launched = time.perf_counter()
    proc = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results = {"jobs": []}
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(1200):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            raise RuntimeError("soffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        log = os.environ.get("SOM_LO_BATCH_LOG")
        started = time.perf_counter()
        if log:
            sys.stderr.write("soffice ready after %.1f s\n" % (started - launched))
        for job in stream_jobs(jobs_path):
            url = uno.systemPathToFileUrl(os.path.abspath(job["file"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            phases = []
            try:
                sheets = doc.getSheets()
                for phase in job["phases"]:
                    for e in phase.get("edits", []):
                        cell = sheets.getByName(e["sheet"]).getCellRangeByName(e["cell"])
                        v = e["value"]
                        if v is None:
                            cell.setString("")
                        elif isinstance(v, str):
                            cell.setString(v)
                        else:
                            cell.setValue(float(v))
                    c0 = soffice_cpu_seconds(profile)
                    t0 = time.perf_counter()
                    doc.calculateAll()
                    seconds = time.perf_counter() - t0
                    c1 = soffice_cpu_seconds(profile)
                    cpu = None if c0 is None or c1 is None else c1 - c0
                    reads = [read_range(sheets.getByName(r["sheet"]), r["range"]) for r in phase.get("reads", [])]
                    if phase.get("saveAs"):
                        doc.storeToURL(
                            uno.systemPathToFileUrl(os.path.abspath(phase["saveAs"])),
                            (prop("FilterName", "Calc MS Excel 2007 XML"),),
                        )
                    phases.append({"recalcSeconds": seconds, "recalcCpuSeconds": cpu, "reads": reads})
            finally:
                doc.close(True)
            results["jobs"].append({"phases": phases})
            if log:
                sys.stderr.write("%s done at %.1f s\n" % (job["file"], time.perf_counter() - started))
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
