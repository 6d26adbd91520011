#!/usr/bin/env python3
"""
An independent exact check of the figures in examples/README.md (python3 examples/check-example.py).

Written from som-method.md §2–§6 and the input tables of examples/README.md, with exact fractions; it shares
no code with the TypeScript engine. It prints the table of the README; with --check it also compares the
README's result table (consequences, costs, net result, present value, break-even year) and exits 1 on a difference.
"""
from fractions import Fraction as Q
import sys

START, F, D, V = 2025, 10, 3, 2  # start year, Tidshorisont, Driftsperiode, Varighed
RHO = Q(35, 1000)
N = [30, 40, 40]  # starters per start year s = 1..D
R_E = Q(126, 1000)
T = D + V + F - 2  # per cohort (som-method.md §2)
ACTORS = ["Kommune", "Region", "Stat"]

# Cost lines: (actor, kind, amount); price year = price level 2023, years = the kind's default (§3).
COSTS = [
    ("Kommune", "Opstart", 300_000),
    ("Kommune", "Drift", 1_800_000),
    ("Kommune", "PrForloeb", 2_500),
    ("Region", "PrDeltager", 4_000),
]
# Consequence lines: (phase, sign σ, Δq by year, prices by actor); Udgift σ = −1, Indtægt σ = +1.
LINES = [
    ("after", -1, [-4, -7, -7, -6, -6, -5, -5, -4, -4, -4], {"Kommune": 5236, "Stat": 1309}),
    ("after", -1, [-2, -3, -2, -2, -1, -1, -1, -1, -1, -1], {"Kommune": 3500}),
    ("after", -1, [-2, -2, -1, -1, -1], {"Region": 2200}),
    ("after", +1, [Q(2, 10), Q(4, 10)] + [Q(5, 10)] * 8, {"Kommune": 45000, "Stat": 35000}),
    ("during", -1, [-2], {"Kommune": 5236, "Stat": 1309}),
]


def n(s):  # N_s, s = 1..
    return N[s - 1] if 1 <= s <= len(N) else 0


def receiving(t):  # R_t = Σ_{s = t−v+1..t} N_s
    return sum(n(s) for s in range(t - V + 1, t + 1))


def costs(actor):
    c = [Q(0)] * (T + 1)
    for a, kind, amount in COSTS:
        if a != actor:
            continue
        first, last = {"Opstart": (1, 1), "Drift": (1, D), "PrForloeb": (1, D), "PrDeltager": (1, D + V - 1)}[kind]
        for t in range(first, last + 1):
            c[t] += {"Opstart": amount, "Drift": amount, "PrForloeb": amount * n(t), "PrDeltager": amount * receiving(t)}[kind]
    return c[1:]


def consequences(actor, horizon_method="perCohort"):
    v = [Q(0)] * (T + 1)
    beyond = Q(0)
    last_t = T if horizon_method == "perCohort" else F
    for s in range(1, D + 1):
        succ = n(s) * R_E
        c = s + V - 1
        for phase, sigma, dq, price in LINES:
            p = price.get(actor, 0)
            for j0, q in enumerate(dq):
                if phase == "during":
                    t = s + j0  # k-th year in the intervention, k = j0 + 1 ≤ v − 1
                    assert j0 + 1 <= V - 1
                    counted = t <= last_t
                else:
                    t = c + j0  # consequence year j = j0 + 1
                    counted = (j0 + 1 <= F) if horizon_method == "perCohort" else t <= F
                x = succ * sigma * q * p
                if counted:
                    v[t] += x
                else:
                    beyond += x
    return v[1:], beyond


def fmt(x, d=2):
    """Danish format, half away from zero at d decimals, trailing ,00 dropped."""
    x = Q(x)
    sign = "−" if x < 0 else ""
    scaled = abs(x) * 10**d
    r = int(scaled) + (1 if scaled - int(scaled) >= Q(1, 2) else 0)
    whole, frac = divmod(r, 10**d)
    s = f"{whole:,}".replace(",", ".")
    if d and frac:
        s += "," + str(frac).rjust(d, "0")
    return sign + s


def block(c, v):
    nr = [a - b for a, b in zip(v, c)]
    cum, run = [], Q(0)
    for x in nr:
        run += x
        cum.append(run)
    pv = sum(x / (1 + RHO) ** t for t, x in enumerate(nr))
    be = None
    for i in range(len(cum)):
        if all(y >= 0 for y in cum[i:]):
            be = START + i
            break
    return {"C": sum(c), "V": sum(v), "NR": sum(nr), "PV": pv, "BE": be, "nr": nr, "cum": cum}


def main():
    blocks, total_c, total_v, beyond_total = {}, [Q(0)] * T, [Q(0)] * T, Q(0)
    for a in ACTORS:
        c = costs(a)
        v, beyond = consequences(a)
        blocks[a] = block(c, v)
        total_c = [x + y for x, y in zip(total_c, c)]
        total_v = [x + y for x, y in zip(total_v, v)]
        beyond_total += beyond
    blocks["I alt"] = block(total_c, total_v)
    print(f"T = {T}: {START}–{START + T - 1}")
    print("| | Consequences | Costs | Net result | Present value | Break-even year | Return per krone |")
    for a, b in blocks.items():
        rpk = fmt(b["V"] / b["C"], 4) if b["C"] > 0 else "–"
        print(f"| {a} | {fmt(b['V'])} | {fmt(b['C'])} | {fmt(b['NR'])} | {fmt(b['PV'])} | {b['BE'] or 'ikke inden for tidshorisonten'} | {rpk} |")
    print("beyond the horizon:", fmt(beyond_total))
    for a in ACTORS + ["I alt"]:
        print(a, "NR by year:", ", ".join(f"{START + i}: {fmt(x)}" for i, x in enumerate(blocks[a]["nr"])))
    # the same inputs by calendar years (Kalenderår, T = F): what the first version of the tool counted
    print("Kalenderår (T = F = 10):")
    for a in ACTORS:
        c = costs(a)[:F]
        v, beyond = consequences(a, "calendar")
        b = block(c, v[:F])
        print(f"  {a}: V {fmt(b['V'])}, C {fmt(b['C'])}, NR {fmt(b['NR'])}, beyond {fmt(beyond)}")
    if "--check" in sys.argv:
        import os
        readme = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "README.md"), encoding="utf-8").read()
        wrong = 0
        for a, label in [("Kommune", "Kommune"), ("Region", "Region"), ("Stat", "Stat"), ("I alt", "Total")]:
            b = blocks[a]
            row = next(l for l in readme.splitlines() if l.startswith(f"| {label} | "))
            cells = [c.strip() for c in row.strip("|").split("|")][1:]
            want = [fmt(b["V"]), fmt(b["C"]), fmt(b["NR"]), fmt(b["PV"]), str(b["BE"]) if b["BE"] else "not within the horizon"]
            if cells != want:
                wrong += 1
                print(f"README differs for {label}: {cells} != {want}")
        print("README table: " + ("OK" if wrong == 0 else f"{wrong} rows differ"))
        sys.exit(1 if wrong else 0)
    # exact fractions (for tests)
    if "--exact" in sys.argv:
        for a, b in blocks.items():
            print(a, {k: str(b[k]) for k in ("C", "V", "NR", "PV")})


main()
