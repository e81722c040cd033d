/* Character classes of the TA libc (the "C" locale, ASCII). */
#ifndef RAMPART_TA_CTYPE_H
#define RAMPART_TA_CTYPE_H

int isdigit(int c);
int isxdigit(int c);
int isalpha(int c);
int isalnum(int c);
int isspace(int c);
int isupper(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int iscntrl(int c);
int tolower(int c);
int toupper(int c);

#endif
