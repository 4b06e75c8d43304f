# Scenario used by record.sh to record Locust 2.12.1's web API JSON shapes.
from locust import HttpUser, TaskSet, task, between


class Browse(TaskSet):
    @task(3)
    def front(self):
        self.client.get("/")

    @task
    def missing(self):
        self.client.get("/missing", name="/missing-grouped")

    @task
    def done(self):
        self.interrupt()


class WebsiteUser(HttpUser):
    wait_time = between(0.05, 0.1)
    tasks = {Browse: 2}

    @task
    def boom(self):
        raise RuntimeError("boom from the recording scenario")
