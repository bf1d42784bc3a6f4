"""Locust load for NWS Watermark: the same mix as scripts/capacity.sh (CapacityMix.java).

Of every 100 requests: 50 GET /images/<id>?<variant> of a rendered variant (hit), 30 uploads of a
photo with a rendered variant (hit; the body is still sent and hashed), 10 uploads with options
never sent (miss), 10 GET /images/<id> with options never sent (miss). Four corpus photos (0.3, 2.5,
6 and 8 MP JPEGs), four variants each, rendered once when the test starts. Users send back to back
(no think time), so N users are N requests in flight, as capacity.sh's concurrency steps are.
The choices come from a fixed seed per user (NWS_SEED, default 42).

    locust -f benchmarks/locustfile.py --headless -u 16 -r 16 -t 20s \
        --host http://127.0.0.1:8080 --csv target/locust-16

Photos are read from NWS_CORPUS (default ../shared/corpus beside the checkout). A 503 (shed load,
with Retry-After) is reported as a failure named "503 shed", apart from errors.
"""

import hashlib
import itertools
import os
import random
import time
import urllib.request

from locust import FastHttpUser, events, task

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.environ.get("NWS_CORPUS", os.path.join(HERE, "..", "..", "shared", "corpus"))
SEED = int(os.environ.get("NWS_SEED", "42"))
PHOTOS = ["photo_03mp_rocket.jpg", "photo_2mp_storm.jpg", "photo_6mp_portrait_friends.jpg", "photo_8mp_picos.jpg"]
VARIANTS = ["w=320", "w=640", "w=1024", "w=200&h=200&fit=cover"]

BODIES = []
IDS = []
for name in PHOTOS:
    with open(os.path.join(CORPUS, name), "rb") as f:
        BODIES.append(f.read())
    IDS.append(hashlib.sha256(BODIES[-1]).hexdigest())

# Misses carry a watermark text naming this run and the miss, so no two runs share one.
RUN_TAG = "locust%x" % (int(time.time() * 1000) % 10**9)
MISSES = itertools.count(1)
USERS = itertools.count(0)


@events.test_start.add_listener
def render_hit_set(environment, **_):
    """Renders every hit variant once, so that hits are hits (as capacity.sh does first)."""
    for body, variant in itertools.product(BODIES, VARIANTS):
        request = urllib.request.Request(environment.host + "/upload?" + variant, data=body,
                                         headers={"Content-Type": "image/jpeg"}, method="POST")
        for _ in range(30):
            try:
                with urllib.request.urlopen(request, timeout=60) as answer:
                    answer.read()
                break
            except urllib.error.HTTPError as e:
                if e.code != 503:
                    break
                time.sleep(1)


class ImageClient(FastHttpUser):
    """One user: requests back to back on its own keep-alive connection."""

    network_timeout = 15.0
    connection_timeout = 5.0

    def on_start(self):
        self.random = random.Random(SEED + next(USERS))

    @task
    def one_request(self):
        # One task drawing from the weights, not four weighted tasks, so the draw sequence follows
        # the seed exactly as CapacityMix's does.
        draw = self.random.randrange(100)
        photo = self.random.randrange(len(PHOTOS))
        variant = self.random.choice(VARIANTS)
        if draw < 50:
            self.get("/images/%s?%s" % (IDS[photo], variant), "GET /images/<id> hit")
        elif draw < 80:
            self.upload("/upload?" + variant, photo, "POST /upload hit")
        elif draw < 90:
            self.upload("/upload?" + self.fresh(), photo, "POST /upload miss")
        else:
            self.get("/images/%s?%s" % (IDS[photo], self.fresh()), "GET /images/<id> miss")

    def fresh(self):
        return "w=%d&q=%d&wm=NWS-%s-%d" % (160 + 8 * self.random.randrange(108), 55 + self.random.randrange(41),
                                           RUN_TAG, next(MISSES))

    def get(self, path, name):
        with self.client.get(path, name=name, catch_response=True) as answer:
            self.judge(answer)

    def upload(self, path, photo, name):
        with self.client.post(path, data=BODIES[photo], headers={"Content-Type": "image/jpeg"}, name=name,
                              catch_response=True) as answer:
            self.judge(answer)

    @staticmethod
    def judge(answer):
        if answer.status_code in (200, 304):
            answer.success()
        elif answer.status_code == 503:
            answer.failure("503 shed")
        else:
            answer.failure("status %s" % answer.status_code)
