#!/usr/bin/env python3
"""Steady sign-on traffic for the fault drills, recording what the service acknowledged.

Each request is a different organization with a different address, alternating between the JSON
API and the browser form (so both the problem+json and the HTML error paths are exercised).
Every 2xx/303 answer is an acknowledged sign-on: its address is written to --acked so the drill
can check afterwards that the database holds exactly one signature and one outbox row for each.

Prints one JSON object: counts per status, answers that leaked internals, the longest run of
failures, and the time from --mark-file's timestamp (written by the drill when it brings the
fault back) to the first acknowledged sign-on after it.
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.parse

LEAKS = ("Exception", "org.undersigned", "at java.", "SQLState", "PSQL", "select ", "insert into")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--slug", required=True)
    p.add_argument("--stamp", required=True, help="formStamp served with the sign-on form")
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--acked", required=True, help="file that receives one acknowledged address per line")
    p.add_argument("--mark-file", help="file holding the epoch seconds at which the fault ended")
    a = p.parse_args()

    lock = threading.Lock()
    stats = {"statuses": {}, "leaks": [], "no_answer": 0, "html_503_friendly": 0, "problem_503": 0,
             "ack_times": [], "first_fail": None, "last_fail": None}
    acked = open(a.acked, "w")
    deadline = time.time() + a.seconds
    run_id = "%x" % int(time.time() * 1000)

    def worker(n):
        i = 0
        conn = None
        while time.time() < deadline:
            i += 1
            email = "drill-%s-%d-%d@drill.invalid" % (run_id, n, i)
            name = "Drill Org %s %d %d" % (run_id, n, i)
            as_form = i % 2 == 0
            if as_form:
                body = urllib.parse.urlencode({
                    "kind": "ORGANIZATION", "organizationName": name, "city": "Oakland", "country": "US",
                    "orgType": "ADVOCACY", "contactName": "Drill Contact", "contactTitle": "Organizer",
                    "email": email, "consentPublic": "yes", "formStamp": a.stamp})
                path, headers = "/letters/%s/sign" % a.slug, {
                    "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}
            else:
                body = json.dumps({"kind": "ORGANIZATION", "organizationName": name, "city": "Oakland",
                                   "country": "US", "orgType": "ADVOCACY", "contactName": "Drill Contact",
                                   "contactTitle": "Organizer", "email": email, "consentPublic": True})
                path, headers = "/api/letters/%s/signatures" % a.slug, {
                    "Content-Type": "application/json", "Accept": "application/json"}
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("localhost", a.port, timeout=10)
                conn.request("POST", path, body=body.encode(), headers=headers)
                r = conn.getresponse()
                text = r.read().decode("utf-8", "replace")
                status = r.status
                content_type = r.getheader("Content-Type", "")
            except (OSError, http.client.HTTPException):
                # The app itself is down (the SIGKILL drill): no answer, so nothing was acknowledged.
                conn = None
                with lock:
                    stats["no_answer"] += 1
                    now = time.time()
                    stats["first_fail"] = stats["first_fail"] or now
                    stats["last_fail"] = now
                time.sleep(0.05)
                continue
            now = time.time()
            with lock:
                stats["statuses"][str(status)] = stats["statuses"].get(str(status), 0) + 1
                if any(leak in text for leak in LEAKS):
                    stats["leaks"].append("%d %s" % (status, text[:200]))
                if status in (200, 201, 202, 303):
                    acked.write(email + "\n")
                    stats["ack_times"].append(now)
                else:
                    stats["first_fail"] = stats["first_fail"] or now
                    stats["last_fail"] = now
                if status == 503:
                    if "text/html" in content_type and "try again" in text and r.getheader("Retry-After"):
                        stats["html_503_friendly"] += 1
                    if "application/problem+json" in content_type and r.getheader("Retry-After"):
                        stats["problem_503"] += 1
            if status >= 500:
                time.sleep(0.05)  # a client backing off a little, as browsers' users do

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(a.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    acked.close()

    recovered_after = None
    if a.mark_file and os.path.exists(a.mark_file):
        mark = float(open(a.mark_file).read().strip())
        after = [t for t in stats["ack_times"] if t >= mark]
        recovered_after = round(min(after) - mark, 2) if after else None
    print(json.dumps({
        "acknowledged": len(stats["ack_times"]),
        "statuses": stats["statuses"],
        "no_answer": stats["no_answer"],
        "friendly_html_503": stats["html_503_friendly"],
        "problem_json_503": stats["problem_503"],
        "leaks": stats["leaks"][:5],
        "failing_for_s": round(stats["last_fail"] - stats["first_fail"], 2) if stats["first_fail"] else 0,
        "recovered_after_s": recovered_after,
    }))


if __name__ == "__main__":
    main()
