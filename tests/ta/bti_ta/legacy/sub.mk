global-incdirs-y += ../include
srcs-y += ../bti_ta.c
srcs-y += ../bti_asm.S
