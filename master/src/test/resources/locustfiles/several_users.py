"""
A locustfile with several user classes, written for the reader's tests.

class NotReal(HttpUser):   # inside a docstring: not a class
    weight = 100
"""
import locust
from locust import HttpUser, User, TaskSet, task, between, constant
from locust.contrib.fasthttp import FastHttpUser as Fast

# class Commented(HttpUser): weight = 7


def some_decorator(*args):
    return lambda cls: cls


class BaseApiUser(HttpUser):
    abstract = True
    weight = 4
    host = "http://api.example.com"


class ReadUser(BaseApiUser):
    """Inherits weight 4; abstract is not inherited (UserMeta resets it)."""

    @task
    def read(self):
        self.client.get("/items")


class WriteUser(BaseApiUser):
    weight = 1

    class Browse(TaskSet):  # a nested TaskSet is not a user
        weight = 50

        @task
        def page(self):
            self.client.get("/")

    tasks = [Browse]


class AdminUser(locust.HttpUser):
    fixed_count = 1
    wait_time = constant(10)


class FastUser(Fast):
    weight: float = 0.5


@some_decorator(
    "with (parens) and a ) in a string",
)
class BackgroundUser(User):
    weight = fixed_count = 0x2
    text = 'it\'s "quoted" # not a comment'
    query = """
        weight = 999
    """


class Mixed(\
        User):
    weight = 1_000 ; fixed_count = 0


class MyTasks(TaskSet):
    weight = 9


class ShapeLike:
    weight = 3


class Tiny(User): weight = 2.5e1


if __name__ == "__main__":
    pass
