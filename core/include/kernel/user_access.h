/*
 * The only way the core touches TA memory. Callers have checked the range
 * with uspace_access_ok(); on CPUs with PAN the core runs with PSTATE.PAN
 * set, so any other access to user memory faults instead of silently
 * following a TA-chosen pointer.
 */
#ifndef KERNEL_USER_ACCESS_H
#define KERNEL_USER_ACCESS_H

#include <rampart/types.h>

/* Turns PAN on for this CPU if it has it; returns whether it did. */
bool user_access_init_cpu(void);

/*
 * Sets PAN again where the core was re-entered from EL3 (which clears it),
 * e.g. a thread resumed after an RPC in the middle of a system call.
 */
void user_access_reassert(void);

void copy_from_user(void *dst, uaddr_t src, size_t len);
void copy_to_user(uaddr_t dst, const void *src, size_t len);

/*
 * Runs @fn(@arg) with TA memory reachable, for bulk work straight on ranges
 * checked with uspace_access_ok that would otherwise be copied through the
 * core twice. @fn must touch no user memory but those ranges.
 */
void user_access_run(void (*fn)(void *arg), void *arg);

#endif
