global-incdirs-y += include
srcs-y += gp13_ta.c
srcs-y += mem_checks.c
cflags-mem_checks.c-y += -Wshadow
