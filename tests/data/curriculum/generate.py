#!/usr/bin/env python3
"""Writes the curriculum data set (CSV with a header row) used by tests/regress/sql/curriculum.sql
and tests/integration/curriculum_test.cpp.

A company (departments, employees with an org chart, projects, assignments) and a small shop
(customers, products, orders, order_items). The rows come from a fixed linear congruential
generator, so every run writes byte-identical files (no dependency on Python's `random`, whose
algorithms may change between versions). NULLs are empty unquoted fields; some text fields
contain commas or double quotes and are quoted by the csv module.

    python3 tests/data/curriculum/generate.py      # rewrites the *.csv next to this script
"""
import csv
import datetime
import os

HERE = os.path.dirname(os.path.abspath(__file__))


class Lcg:
    """Numerical Recipes' 32-bit LCG: tiny, deterministic, good enough for test data."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (1664525 * self.state + 1013904223) % 2**32
        return self.state

    def below(self, n):
        return (self.next() >> 8) % n

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def pick(self, items):
        return items[self.below(len(items))]


def write(name, header, rows):
    with open(os.path.join(HERE, name + ".csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        for row in rows:
            # None becomes an empty unquoted field (COPY's CSV NULL); '' would be written as "".
            out.writerow(["" if v is None else v for v in row])


def day(base, offset):
    return (base + datetime.timedelta(days=offset)).isoformat()


def money(cents):
    return f"{cents // 100}.{cents % 100:02d}"


DEPARTMENTS = [
    # (name, location, budget); Research has no employees and Legal no projects (anti-joins).
    ("Engineering", "Austin, TX", 2500000),
    ("Sales", "New York, NY", 1200000),
    ("Marketing", "New York, NY", 800000),
    ("Finance", "Chicago, IL", 600000),
    ("Human Resources", "Chicago, IL", 400000),
    ("Support", "Denver, CO", 500000),
    ("Legal", None, 300000),
    ("Research", "Boston, MA", 0),
]
STAFFED = 7  # departments 1..7 get employees

FIRST = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret",
         "Dennis", "Radia", "Niklaus", "Sophie", "Tim", "Lynn", "John", "Mary", "Jim", "Anita",
         "Leslie", "Shafi", "Whitfield", "Adele", "Butler", "Jean", "Ivan", "Karen", "Hedy"]
LAST = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
        "Hamilton", "Ritchie", "Perlman", "Wirth", "Wilson", "Berners-Lee", "Conway", "Backus",
        "Shaw", "Gray", "Borg", "Lamport", "Goldwasser", "Diffie", "Goldberg", "Lampson",
        "Sammet", "Sutherland", "Jones", "O'Neil"]
TITLES = {1: "Engineer", 2: "Account Executive", 3: "Marketing Specialist", 4: "Analyst",
          5: "HR Partner", 6: "Support Engineer", 7: "Counsel"}


def employees(rng):
    rows = []
    base = datetime.date(2015, 1, 1)
    emails = set()
    heads = {}

    def add(dept, manager, title, salary_lo, salary_hi):
        emp_id = len(rows) + 1
        first, last = rng.pick(FIRST), rng.pick(LAST)
        email = f"{first}.{last}".lower().replace("'", "") + "@chalk.example"
        if email in emails:
            email = email.replace("@", f"{emp_id}@")
        emails.add(email)
        if emp_id % 17 == 0:
            email = None
        hire = day(base, rng.below(3650))
        # Salaries of the rank and file are multiples of 2500, so departments have ties
        # (what tells rank(), dense_rank() and row_number() apart).
        step = 2500 if salary_hi < 110000 else 50
        salary = money(rng.between(salary_lo // step, salary_hi // step) * step * 100)
        rows.append([emp_id, first, last, email, dept, manager, hire, salary, title])
        return emp_id

    ceo = add(None, None, "Chief Executive Officer", 250000, 250000)
    rows[0][6] = "2014-03-01"
    for dept in range(1, STAFFED + 1):
        heads[dept] = add(dept, ceo, f"Head of {DEPARTMENTS[dept - 1][0]}", 150000, 190000)
    leads = {d: [] for d in heads}
    for dept in heads:
        for _ in range(2 if dept <= 2 else 1):
            leads[dept].append(add(dept, heads[dept], f"{TITLES[dept]}, Lead", 110000, 140000))
    while len(rows) < 120:
        dept = 1 + rng.below(STAFFED) if rng.below(3) else 1 + rng.below(2)
        title = TITLES[dept] + (", Senior" if rng.below(4) == 0 else "")
        add(dept, rng.pick(leads[dept]), title, 45000, 105000)
    # Two contractors without a department report straight to the CEO.
    for emp_id in (118, 119):
        rows[emp_id - 1][4] = None
        rows[emp_id - 1][5] = ceo
        rows[emp_id - 1][8] = "Contractor"
    return rows


PROJECTS = [
    ("Apollo", 1), ("Borealis", 1), ("Cobalt", 1), ("Data Lake, Phase 1", 1),
    ("Data Lake, Phase 2", 1), ("Spring Campaign", 3), ("The \"Big\" Launch", 3),
    ("Key Accounts", 2), ("Partner Portal", 2), ("Budget 2024", 4), ("Audit Readiness", 4),
    ("Onboarding Revamp", 5), ("Ticket Triage", 6), ("Knowledge Base", 6), ("Zephyr", 1),
    ("Orphan Study", None),
]


def projects(rng):
    rows = []
    base = datetime.date(2022, 1, 1)
    for i, (name, dept) in enumerate(PROJECTS, start=1):
        start = rng.below(900)
        end = None if i % 4 == 0 else day(base, start + 30 + rng.below(400))
        rows.append([i, name, dept, day(base, start), end, money(rng.between(20, 500) * 100000)])
    return rows


def assignments(rng, emps, projs):
    rows = []
    seen = set()
    roles = ["developer", "reviewer", "lead", "analyst", "tester"]
    by_dept = {}
    for e in emps:
        by_dept.setdefault(e[4], []).append(e[0])
    while len(rows) < 260:
        proj = rng.pick(projs)
        dept = proj[2]
        # Mostly staff of the owning department, sometimes anyone.
        pool = by_dept.get(dept) if dept is not None and rng.below(4) else None
        emp = rng.pick(pool) if pool else 1 + rng.below(len(emps))
        if (emp, proj[0]) in seen or emp in (1, 120):  # employee 120 stays unassigned
            continue
        seen.add((emp, proj[0]))
        hours = None if rng.below(40) == 0 else f"{rng.between(4, 400)}.{5 * rng.below(2)}"
        rows.append([emp, proj[0], rng.pick(roles), hours])
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


CITIES = ["Portland, OR", "Seattle", "Austin, TX", "Boston", "Denver", None]
PRODUCTS = [
    ("Notebook, A5 (ruled)", "stationery", 450), ("Gel pen, blue", "stationery", 199),
    ("Gel pen, black", "stationery", 199), ("Stapler", "office", 1299),
    ("Desk lamp", "office", 3499), ("Monitor stand", "office", 4999),
    ("USB-C cable, 2m", "electronics", 1299), ("Wireless mouse", "electronics", 2499),
    ("Keyboard \"Pro\"", "electronics", 8999), ("Headphones", "electronics", 12999),
    ("Coffee beans, 1kg", "pantry", 2199), ("Green tea", "pantry", 899),
    ("Water bottle", "pantry", 1599), ("Whiteboard markers (4)", "stationery", 749),
    ("Discontinued widget", "office", 0),
]
STATUSES = ["pending", "shipped", "delivered", "cancelled"]


def shop(rng):
    customers = []
    base = datetime.date(2023, 1, 1)
    for cid in range(1, 41):
        first, last = rng.pick(FIRST), rng.pick(LAST)
        email = f"customer{cid}@shop.example"
        customers.append([cid, f"{first} {last}", email, rng.pick(CITIES), day(base, rng.below(365))])
    products = [[i, n, c, money(p)] for i, (n, c, p) in enumerate(PRODUCTS, start=1)]
    orders, items = [], []
    for oid in range(1, 101):
        cid = 1 + rng.below(34)  # customers 35..40 never order
        status = STATUSES[rng.below(4)] if oid > 5 else "pending"
        orders.append([oid, cid, day(datetime.date(2024, 1, 1), rng.below(366)), status])
        chosen = set()
        for _ in range(1 + rng.below(4)):
            pid = 1 + rng.below(14)  # product 15 is never ordered
            if pid in chosen:
                continue
            chosen.add(pid)
            price = products[pid - 1][3]
            items.append([oid, pid, 1 + rng.below(5), price])
    return customers, products, orders, items


def main():
    rng = Lcg(20240901)
    write("departments", ["dept_id", "name", "location", "budget"],
          [[i, n, loc, money(b * 100)] for i, (n, loc, b) in enumerate(DEPARTMENTS, start=1)])
    emps = employees(rng)
    write("employees", ["emp_id", "first_name", "last_name", "email", "dept_id", "manager_id",
                        "hire_date", "salary", "title"], emps)
    projs = projects(rng)
    write("projects", ["project_id", "name", "dept_id", "start_date", "end_date", "budget"], projs)
    write("assignments", ["emp_id", "project_id", "role", "hours"], assignments(rng, emps, projs))
    customers, products, orders, items = shop(rng)
    write("customers", ["customer_id", "name", "email", "city", "signup_date"], customers)
    write("products", ["product_id", "name", "category", "price"], products)
    write("orders", ["order_id", "customer_id", "order_date", "status"], orders)
    write("order_items", ["order_id", "product_id", "quantity", "unit_price"], items)


if __name__ == "__main__":
    main()
