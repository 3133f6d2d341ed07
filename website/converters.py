"""The ``<id:…>`` URL converter: a database id of one to nine digits.

Django's ``<int:…>`` takes any number of digits, and a number beyond the id column's range
reaches the database as an overflow ("integer out of range" on PostgreSQL, "Python int too
large" on SQLite): a 500 for a URL anybody can type. With ``<id:…>`` it does not match, so
it is a 404. Registered when this module is imported: every module that uses ``<id:…>``
imports it.
"""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,9}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
