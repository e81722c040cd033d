global-incdirs-y += include
srcs-y += isolation_ta.c
