# -m time: xt_time_info rev 0, the same for both families
-m time;-m time --datestop 2038-01-19T03:14:07;OK
-m time --timestart 23:00 --timestop 01:00 --contiguous --weekdays Fri,Sat;-m time --timestart 23:00:00 --timestop 01:00:00 --weekdays Fri,Sat --datestop 2038-01-19T03:14:07 --contiguous;OK
-m time ! --monthdays 1 --datestart 1999-12-31T23:59:59 --kerneltz;-m time --monthdays 2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31 --datestart 1999-12-31T23:59:59 --datestop 2038-01-19T03:14:07 --kerneltz;OK
-m time --weekdays 9;;FAIL;9 is not a valid day specifier
# no day at all: 1.8.9 saves " --monthdays  --weekdays " (it cannot read that back)
-m time ! --monthdays 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31 ! --weekdays Mon,Tue,Wed,Thu,Fri,Sat,Sun;-m time ! --monthdays 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31 ! --weekdays Mon,Tue,Wed,Thu,Fri,Sat,Sun --datestop 2038-01-19T03:14:07;OK
-m time --datestart 2023-02-29;;FAIL;Invalid date "2023-02-29" specified. Should be YYYY[-MM[-DD[Thh[:mm[:ss]]]]]
