# -m owner: xt_owner_match_info rev 1 (rules go to FORWARD here: the
# -m owner: xt_owner_match_info rev 1 (OUTPUT: the kernel refuses it
# in chains without a local socket)
@filter:OUTPUT -m owner ! --uid-owner 0-100;=;OK
@filter:OUTPUT -m owner --gid-owner 0 --suppl-groups;=;OK
@filter:OUTPUT -m owner ! --socket-exists;=;OK
@filter:OUTPUT -m owner --uid-owner 1000 --gid-owner 5-10 --socket-exists;-m owner --socket-exists --uid-owner 1000 --gid-owner 5-10;OK
-m owner;;FAIL;owner: At least one of --uid-owner, --gid-owner or --socket-exists is required
-m owner --uid-owner nosuchuser12345;;FAIL;owner: Bad value for "--uid-owner" option: "nosuchuser12345"
-m owner --uid-owner 4294967295;;FAIL;owner: Bad value for "--uid-owner" option: "4294967295"
-m owner --suppl-groups --gid-owner 5;;FAIL;owner: Bad value for "--suppl-groups" option: "you need to use --gid-owner first"
-m owner --uid-owner 1 --uid-owner 2;;FAIL;owner: option "--uid-owner" can only be used once.\n
