global-incdirs-y += include
srcs-y += perf_ta.c
