#!/usr/bin/env bats
# Concurrent writers never lose a rule or a command: a batch that depends
# on what was read carries the generation id and is rebuilt on a clash,
# with backoff and jitter for as long as -w (30 s by default) allows; one
# that depends on nothing read needs no check at all.

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

@test "appenders and --noflush restore loops side by side: every command succeeds, every rule once" {
	run in_netns '
		$IPT -N APP; $IPT -N R1; $IPT -N R2
		mk() {
			echo "*filter"; echo ":$1 - [0:0]"
			for i in $(seq 500); do echo "-A $1 -s 10.$2.$((i / 256)).$((i % 256)) -j ACCEPT"; done
			echo COMMIT
		}
		mk R1 1 >/tmp/r1.$$; mk R2 2 >/tmp/r2.$$
		for round in 1 2 3; do
			for w in 1 2; do
				( for i in $(seq 60); do
					$IPT -A APP -s 10.$w$round.0.$i -j ACCEPT || echo "append failed"
				  done ) &
				( for i in $(seq 6); do
					$IPTRESTORE --noflush /tmp/r$w.$$ || echo "restore failed"
				  done ) &
			done
			wait
		done
		rm -f /tmp/r1.$$ /tmp/r2.$$
		echo "APP $($IPT -S APP | grep -c "^-A") $($IPT -S APP | grep "^-A" | sort -u | wc -l)"
		echo "R1 $($IPT -S R1 | grep -c "^-A") R2 $($IPT -S R2 | grep -c "^-A")"'
	assert_success
	refute_line --partial failed
	assert_line "APP 360 360"
	assert_line "R1 500 R2 500"
}

@test "commands that depend on what they read win against steady appenders" {
	run in_netns '
		$IPT -N APP
		$IPT -A INPUT -s 10.7.0.1	# an anchor: rule 2 always exists
		for i in $(seq 1 40); do $IPT -A INPUT -s 10.9.0.$i; done
		( for i in $(seq 1 300); do $IPT -A APP -s 10.1.$((i / 256)).$((i % 256)) || echo "append failed"; done ) &
		( for i in $(seq 1 300); do $IPT -A APP -s 10.2.$((i / 256)).$((i % 256)) || echo "append failed"; done ) &
		( for i in $(seq 1 40); do $IPT -D INPUT -s 10.9.0.$i || echo "delete failed"; done ) &
		( for i in $(seq 1 40); do $IPT -I INPUT 2 -s 10.8.0.$i || echo "insert failed"; done ) &
		wait
		echo "APP $($IPT -S APP | grep -c "^-A")"
		echo "INPUT $($IPT -S INPUT | grep -c "10\.9\.") $($IPT -S INPUT | grep -c "10\.8\.")"'
	assert_success
	refute_line --partial failed
	assert_line "APP 600"
	assert_line "INPUT 0 40"
}
