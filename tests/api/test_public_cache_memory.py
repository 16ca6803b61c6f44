"""A web process keeps the stored pages it serves most in its own memory, within a size."""

from claims.public_cache.memory import PageMemory


def _page(size: int):
    return 200, [("Content-Type", "application/json")], b"x" * size


def test_a_kept_page_is_given_back_under_its_key():
    memory = PageMemory(max_bytes=1000)
    memory.put("public-page:1:7:abc", _page(10))

    assert memory.get("public-page:1:7:abc") == _page(10)
    assert memory.get("public-page:2:7:abc") is None  # another generation is another page


def test_the_least_recently_read_page_goes_first_when_the_memory_is_full():
    memory = PageMemory(max_bytes=300)
    for key in ("a", "b", "c"):
        memory.put(key, _page(100))
    memory.get("a")

    memory.put("d", _page(100))

    assert memory.get("b") is None
    assert [key for key in ("a", "c", "d") if memory.get(key)] == ["a", "c", "d"]


def test_a_page_larger_than_the_memory_is_not_kept():
    memory = PageMemory(max_bytes=100)
    memory.put("big", _page(101))

    assert memory.get("big") is None


def test_no_memory_keeps_nothing():
    memory = PageMemory(max_bytes=0)
    memory.put("a", _page(1))

    assert memory.get("a") is None
