import os
from locust import HttpUser, task
from common.users import AuthenticatedUser

WEIGHT = int(os.environ.get("WEIGHT", "3"))


class EnvWeightUser(HttpUser):
    weight = WEIGHT
    fixed_count = 2.5


class ImportedBaseUser(AuthenticatedUser):
    pass


class ZeroUser(HttpUser):
    weight = 0


if os.environ.get("EXTRA"):
    class ConditionalUser(HttpUser):
        pass


class Flag(HttpUser):
    abstract = os.environ.get("ABSTRACT") == "1"
    if os.environ.get("HEAVY"):
        weight = 10


class Broken(HttpUser
    weight = 3
