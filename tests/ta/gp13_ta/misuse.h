/* GP13_CMD_MISUSE (misuse.c): calls that must panic the TA. */
#ifndef GP13_MISUSE_H
#define GP13_MISUSE_H

#include <stdint.h>

#include <gp13_ta.h>

/* Makes misuse GP13_MISUSE_<what>; returns only if the TA survived it. */
void gp13_misuse(uint32_t what);

#endif
