global-incdirs-y += include
srcs-y += arith_ta.c
srcs-y += arith_calls.c
