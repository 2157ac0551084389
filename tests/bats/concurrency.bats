#!/usr/bin/env bats
# Concurrent writers never lose a rule: every batch carries the generation
# id and is rebuilt on a clash (bounded retry).

load lib/common

setup() {
	require_root
}

@test "4 concurrent writers x 200 appends lose no rule" {
	run in_netns '
		$IPT -N W
		for w in 1 2 3 4; do
			( for i in $(seq 1 200); do
				$IPT -A W -s 10.$w.$((i / 256)).$((i % 256)) -j ACCEPT || echo "writer $w failed at $i"
			  done ) &
		done
		wait
		$IPT -S W | grep -c "^-A W"
		for w in 1 2 3 4; do $IPT -S W | grep -c "^-A W -s 10\.$w\."; done'
	assert_success
	refute_line --partial failed
	assert_line --index 0 "800"
	assert_line --index 1 "200"
	assert_line --index 4 "200"
}

@test "concurrent inserts by position and deletes keep the chain consistent" {
	run in_netns '
		for i in $(seq 1 50); do $IPT -A INPUT -s 10.9.0.$i; done
		( for i in $(seq 1 50); do $IPT -D INPUT -s 10.9.0.$i || echo "delete $i failed"; done ) &
		( for i in $(seq 1 50); do $IPT -I INPUT 1 -s 10.8.0.$i || echo "insert $i failed"; done ) &
		( for i in $(seq 1 50); do $IPT -A INPUT -s 10.7.0.$i || echo "append $i failed"; done ) &
		wait
		$IPT -S INPUT | grep -c "10\.9\."
		$IPT -S INPUT | grep -c "10\.8\."
		$IPT -S INPUT | grep -c "10\.7\."'
	assert_success
	refute_line --partial failed
	assert_line --index 0 "0"
	assert_line --index 1 "50"
	assert_line --index 2 "50"
}
