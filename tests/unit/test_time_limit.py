"""The build's time limit stops what runs too long, and leaves the process's alarm as it found it."""

import signal
import time

import pytest

from trustsite.build import time_limit


def test_what_runs_past_the_limit_is_stopped_with_a_plain_message():
    with pytest.raises(TimeoutError, match="the build took more than 1 s and was stopped"):
        with time_limit(1):
            time.sleep(3)


def test_the_alarm_and_its_handler_are_put_back_afterwards():
    def earlier(signal_number, frame):
        pass

    previous = signal.signal(signal.SIGALRM, earlier)
    try:
        with time_limit(30):
            assert signal.getsignal(signal.SIGALRM) is not earlier
        assert signal.getsignal(signal.SIGALRM) is earlier
        assert signal.alarm(0) == 0, "the build's alarm was left running"
    finally:
        signal.signal(signal.SIGALRM, previous)
