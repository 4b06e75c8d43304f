# S2 for Locust 2.12.1: FastHttpUsers that start one request per second each (constant_pacing(1)).
from locust import task, constant_pacing
from locust.contrib.fasthttp import FastHttpUser


class PacedUser(FastHttpUser):
    wait_time = constant_pacing(1)

    @task
    def index(self):
        self.client.get("/index.html")
