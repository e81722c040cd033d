/* Minimal polled PL011 UART: enough for a log, nothing interrupt-driven. */
#ifndef DRIVERS_PL011_H
#define DRIVERS_PL011_H

#include <rampart/types.h>

void pl011_init(uintptr_t base);
void pl011_putc(uintptr_t base, char c);
void pl011_write(uintptr_t base, const char *s, size_t len);

#endif
