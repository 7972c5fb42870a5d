"""``python -m geo`` runs the ``kharita`` command line."""

from geo.cli import main

if __name__ == "__main__":
    main()
