# S1 for Locust 2.12.1: 50 FastHttpUsers in a closed loop, no wait (performance.md §3.1).
from locust import task, constant
from locust.contrib.fasthttp import FastHttpUser


class FastUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def index(self):
        self.client.get("/index.html")
