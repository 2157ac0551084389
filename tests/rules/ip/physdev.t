# -m physdev: xt_physdev_info
-m physdev --physdev-in eth0;=;OK
-m physdev ! --physdev-in eth+ --physdev-out br0;=;OK
-m physdev --physdev-is-in ! --physdev-is-out --physdev-is-bridged;=;OK
-m physdev --physdev-out x --physdev-is-out;-m physdev --physdev-is-out --physdev-out x;OK
-m physdev;;FAIL;PHYSDEV: no physdev option specified
-m physdev --physdev-in verylongname12345;;FAIL;interface name `verylongname12345' must be shorter than IFNAMSIZ (15)
-m physdev --physdev-in a --physdev-in b;;FAIL;physdev: option "--physdev-in" can only be used once.\n
