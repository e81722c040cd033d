global-incdirs-y += include
srcs-y += fp_ta.c
srcs-y += fp_regs.c
