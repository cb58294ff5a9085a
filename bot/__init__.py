"""Patient-information chatbot over ANSM medicines-safety documents."""
