/*
 * The secure physical timer (CNTPS_*): the only timer the core may use;
 * CNTP/CNTV belong to Linux.
 */
#ifndef DRIVERS_SECURE_TIMER_H
#define DRIVERS_SECURE_TIMER_H

#include <rampart/types.h>

void secure_timer_arm(uint64_t ticks);
void secure_timer_disarm(void);
uint64_t secure_timer_freq(void);
/* The system counter (CNTPCT_EL0), monotonic, secure_timer_freq() Hz. */
uint64_t system_counter(void);

#endif
